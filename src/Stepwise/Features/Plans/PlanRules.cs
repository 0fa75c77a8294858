using System.Globalization;
using Stepwise.Common;

namespace Stepwise.Features.Plans;

/// <summary>Checks shared by the plan use cases: numbers typed as text, money, and dates in order.</summary>
public static class PlanRules
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A number as a person types it ("7.5", "7.5%", "1,200"); null and a message if it is not one.</summary>
    public static double? Number(Problems problems, string field, string? text, string label)
    {
        var t = Text.Clean(text)?.TrimEnd('%').Trim();
        if (t is null)
        {
            problems.Add(field, $"Enter the {label}.");
            return null;
        }
        if (!double.TryParse(t, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            problems.Add(field, $"The {label} must be a number, like 12.5 (\"{text!.Trim()}\" is not).");
            return null;
        }
        if (!Analytics.Numerics.MeasuredValue.IsAccepted(value))
        {
            problems.Add(field, $"The {label} is too large: it must lie between -1,000,000,000,000 and 1,000,000,000,000.");
            return null;
        }
        return value;
    }

    /// <summary>Money in pounds ("£1,500", "1500.00"); null when left empty.</summary>
    public static decimal? Money(Problems problems, string field, string? text, string label)
    {
        var t = Text.Clean(text)?.TrimStart('£').Trim();
        if (t is null)
        {
            return null;
        }
        if (!decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value < 0 || value > 10_000_000m)
        {
            problems.Add(field, $"The {label} must be an amount in pounds between £0 and £10,000,000, like 1500 or £1,500.00 (\"{text!.Trim()}\" is not).");
            return null;
        }
        return Math.Round(value, 2);
    }

    public static DateOnly? Required(Problems problems, string field, DateOnly? date, string label)
    {
        if (date is null)
        {
            problems.Add(field, $"Enter the {label}.");
        }
        else if (date.Value.Year is < 2000 or > 2100)
        {
            problems.Add(field, $"The {label} must be between 2000 and 2100.");
            return null;
        }
        return date;
    }

    public static string Date(DateOnly d) => d.ToString("d MMMM yyyy", EnGb);
}
