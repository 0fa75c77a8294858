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

    /// <summary>How a peer review's estimate stands against the school's own judgement.</summary>
    public static string PeerAgreement(string code) => code switch
    {
        "agrees" => "Agrees with the school",
        "higher" => "Higher than the school",
        "lower" => "Lower than the school",
        _ => "Not compared",
    };

    /// <summary>A symbol beside the words, never instead of them.</summary>
    public static string AgreementIcon(string code) => code switch
    {
        "agree" => "=",
        "disagree" => "≠",
        _ => "–",
    };
}
