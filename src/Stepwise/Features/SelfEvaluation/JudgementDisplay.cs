namespace Stepwise.Features.SelfEvaluation;

/// <summary>How judgements read on a page.</summary>
public static class JudgementDisplay
{
    public static string Source(string code) => code switch
    {
        "self" => "The school",
        "trust" => "The trust",
        "external" => "External review",
        _ => code,
    };

    public static string Agreement(string code) => code switch
    {
        "agree" => "Agree",
        "disagree" => "Disagree",
        _ => "Not moderated yet",
    };

    /// <summary>A symbol beside the words, never instead of them.</summary>
    public static string AgreementIcon(string code) => code switch
    {
        "agree" => "=",
        "disagree" => "≠",
        _ => "–",
    };
}
