using Stepwise.Features.Schools;

namespace Stepwise.Features.Reference;

/// <summary>
/// A school's phase from the register's phase of education read with its type of establishment (special schools and
/// PRUs have phase "Not applicable"): the one reading used to fill a school from the register and to group schools
/// for benchmarking.
/// </summary>
public static class RegisterPhase
{
    public const string MiddleDeemedPrimary = "Middle deemed primary";

    public static Phase? Of(string? phase, string? type)
    {
        var t = type ?? "";
        if (t.Contains("special", StringComparison.OrdinalIgnoreCase))
        {
            return Phase.Special;
        }
        if (t.Contains("pupil referral", StringComparison.OrdinalIgnoreCase) || t.Contains("alternative provision", StringComparison.OrdinalIgnoreCase))
        {
            return Phase.AlternativeProvision;
        }
        return phase?.Trim() switch
        {
            "Primary" => Phase.Primary,
            MiddleDeemedPrimary or "Middle deemed secondary" => Phase.Middle,
            "Secondary" => Phase.Secondary,
            "All-through" => Phase.AllThrough,
            "Nursery" => Phase.Nursery,
            "16 plus" => Phase.SixteenPlus,
            _ => null,
        };
    }
}
