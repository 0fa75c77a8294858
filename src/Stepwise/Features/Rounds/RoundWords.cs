namespace Stepwise.Features.Rounds;

/// <summary>The words the pages use for a round's stages and its next stage's button.</summary>
public static class RoundWords
{
    public static string Stage(string code) => code switch
    {
        "planned" => "Planned",
        "observing" => "Observing",
        "debrief" => "Debrief",
        "closed" => "Closed",
        _ => code,
    };

    /// <summary>The next stage and the words of the button that moves there; null once closed.</summary>
    public static (string Code, string Button)? Next(string code) => code switch
    {
        "planned" => ("observing", "Start observing"),
        "observing" => ("debrief", "Move to the debrief"),
        "debrief" => ("closed", "Close the round"),
        _ => null,
    };
}
