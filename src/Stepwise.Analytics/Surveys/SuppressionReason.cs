namespace Stepwise.Analytics.Surveys;

/// <summary>Why a figure is or is not shown (methods.md §5; issue 7).</summary>
public enum SuppressionReason
{
    /// <summary>The figure is shown.</summary>
    Shown,

    /// <summary>Primary suppression: fewer respondents than the minimum.</summary>
    TooFewRespondents,

    /// <summary>Secondary suppression: hidden so a suppressed figure cannot be derived by subtraction.</summary>
    Complementary,

    /// <summary>The group has no respondents, so there is no figure (and nothing to protect).</summary>
    NoRespondents,
}
