using Stepwise.Common;

namespace Stepwise.Features.Schools;

/// <summary>A school as lists and the API show it.</summary>
public sealed record SchoolSummary(
    int Urn,
    string Name,
    string Phase,
    string? Type,
    string? LocalAuthority,
    string? Postcode,
    string Status,
    int? Pupils,
    double? PercentFreeSchoolMeals,
    double? PercentDisadvantaged,
    double? PercentSen,
    double? PercentEal,
    bool Archived)
{
    public static SchoolSummary From(School s) => new(
        s.Urn, s.Name, Codes.Of(s.Phase), s.Type, s.LocalAuthority, s.Postcode, Codes.Of(s.Status), s.Pupils,
        s.PercentFreeSchoolMeals, s.PercentDisadvantaged, s.PercentSen, s.PercentEal, s.ArchivedAt is not null);
}

/// <summary>What a person types to create or edit a school (the page form and the API body).</summary>
public sealed record SchoolInput
{
    public string? Urn { get; init; }
    public string? Name { get; init; }
    public string? Phase { get; init; }
    public string? Type { get; init; }
    public string? LocalAuthority { get; init; }
    public string? Postcode { get; init; }
    public string? Status { get; init; }
    public int? Pupils { get; init; }
    public double? PercentFreeSchoolMeals { get; init; }
    public double? PercentDisadvantaged { get; init; }
    public double? PercentSen { get; init; }
    public double? PercentEal { get; init; }

    public static SchoolInput From(School s) => new()
    {
        Urn = s.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Name = s.Name,
        Phase = Codes.Of(s.Phase),
        Type = s.Type,
        LocalAuthority = s.LocalAuthority,
        Postcode = s.Postcode,
        Status = Codes.Of(s.Status),
        Pupils = s.Pupils,
        PercentFreeSchoolMeals = s.PercentFreeSchoolMeals,
        PercentDisadvantaged = s.PercentDisadvantaged,
        PercentSen = s.PercentSen,
        PercentEal = s.PercentEal,
    };
}

public static class Urns
{
    /// <summary>A URN is six digits (100000–999999).</summary>
    public static bool TryParse(string? text, out int urn)
    {
        urn = 0;
        var t = text?.Trim();
        return t is { Length: 6 } && t.All(char.IsAsciiDigit) && t[0] != '0' && int.TryParse(t, out urn);
    }
}
