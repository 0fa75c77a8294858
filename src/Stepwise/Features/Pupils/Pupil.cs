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

    /// <summary>The day the pupil left the school; their records stay for the school's history.</summary>
    public DateOnly? LeftOn { get; set; }

    public List<PupilCharacteristic> Characteristics { get; set; } = [];

    /// <summary>The value of a characteristic on a day, or null if none was recorded.</summary>
    public string? ValueOn(Characteristic kind, DateOnly day) =>
        Characteristics.Where(c => c.Kind == kind && c.IsCurrentOn(day)).OrderByDescending(c => c.From).FirstOrDefault()?.Value;

    /// <summary>
    /// Records a characteristic from a day on: the value it replaces stays in the history, ending the day before.
    /// Returns false when the value is unchanged.
    /// </summary>
    public bool SetFrom(Characteristic kind, string value, DateOnly day)
    {
        var current = RecordedHere.Where(c => c.Kind == kind && c.IsCurrentOn(day)).OrderByDescending(c => c.From).FirstOrDefault();
        if (current?.Value == value)
        {
            return false;
        }
        if (current is not null)
        {
            if (current.From == day)
            {
                current.Value = value;
                return true;
            }
            current.To = day.AddDays(-1);
        }
        Characteristics.Add(new PupilCharacteristic { TrustId = TrustId, SchoolId = SchoolId, Kind = kind, Value = value, From = day });
        return true;
    }

    /// <summary>The history recorded by the school whose roll the pupil is on: all that school sees (ADR 0074).</summary>
    public IEnumerable<PupilCharacteristic> RecordedHere => Characteristics.Where(c => c.SchoolId == SchoolId);

    /// <summary>
    /// Moves the pupil onto another school's roll from a day (ADR 0074). What the first school recorded stays
    /// attributed to it and ends the day before, so the receiving school starts with none of it: it neither sees it
    /// nor counts the pupil in a group by it. The pupil is on the new roll, whatever they had left.
    /// </summary>
    public void TransferTo(int schoolId, DateOnly day)
    {
        foreach (var open in RecordedHere.Where(c => c.To is null || c.To >= day))
        {
            open.To = day.AddDays(-1);
        }
        (SchoolId, LeftOn) = (schoolId, null);
    }
}

/// <summary>A characteristic that gaps are measured on, true from one date until another.</summary>
public sealed class PupilCharacteristic : ITrustOwned
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int PupilId { get; set; }

    /// <summary>The school that recorded it: after a transfer it stays that school's, and the receiving school does not see it.</summary>
    public int SchoolId { get; set; }

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
