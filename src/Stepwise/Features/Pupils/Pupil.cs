using Stepwise.Data;

namespace Stepwise.Features.Pupils;

/// <summary>
/// A pupil, known only by a pseudonymous key derived from the UPN with the trust's secret
/// (<see cref="PupilKey"/>). The UPN itself is never stored.
/// </summary>
public sealed class Pupil : ITrustOwned
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int SchoolId { get; set; }

    /// <summary>Pseudonymous key: 20 hexadecimal characters.</summary>
    public required string Key { get; set; }

    /// <summary>National curriculum year: 0 is Reception, 1–13 are Years 1–13.</summary>
    public int YearGroup { get; set; }

    public List<PupilCharacteristic> Characteristics { get; set; } = [];
}

/// <summary>A characteristic that gaps are measured on, true from one date until another.</summary>
public sealed class PupilCharacteristic : ITrustOwned
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int PupilId { get; set; }
    public Characteristic Kind { get; set; }

    /// <summary>"yes"/"no" for flags; "F"/"M" for sex; "none"/"sen-support"/"ehc-plan" for SEN.</summary>
    public required string Value { get; set; }

    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }

    public bool IsCurrentOn(DateOnly day) => From <= day && (To is null || To >= day);
}

public enum Characteristic
{
    Disadvantaged,
    FreeSchoolMeals,
    Sen,
    EnglishAdditionalLanguage,
    Sex,
}
