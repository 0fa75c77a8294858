using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Schools;

namespace Stepwise.Features.Pupils;

/// <summary>A pupil as typed on the form or sent to the API. The UPN is turned into a key and never stored.</summary>
public sealed record PupilInput
{
    public string? Upn { get; init; }
    public int? YearGroup { get; init; }
    public bool Disadvantaged { get; init; }
    public bool FreeSchoolMeals { get; init; }
    public string? Sen { get; init; }
    public bool Eal { get; init; }
    public string? Sex { get; init; }
}

public sealed record PupilDetails(string Key, int Urn, int YearGroup, bool Disadvantaged, bool FreeSchoolMeals, string Sen, bool Eal, string? Sex, DateOnly? LeftOn)
{
    public static PupilDetails From(Pupil p, int urn, DateOnly day) => new(
        p.Key, urn, p.YearGroup, p.ValueOn(Characteristic.Disadvantaged, day) == "yes", p.ValueOn(Characteristic.FreeSchoolMeals, day) == "yes",
        p.ValueOn(Characteristic.Sen, day) ?? "none", p.ValueOn(Characteristic.EnglishAdditionalLanguage, day) == "yes", p.ValueOn(Characteristic.Sex, day), p.LeftOn);
}

/// <summary>
/// Adds a pupil by hand (most arrive by import), changes their year group and characteristics — a change is
/// recorded from today, keeping the history gaps are measured on — or records that they have left.
/// </summary>
public sealed class SavePupil(AppDbContext db, AccessControl access, TimeProvider clock)
{
    private static readonly string[] SenValues = ["none", "sen-support", "ehc-plan"];
    private static readonly string[] SexValues = ["F", "M"];

    private DateOnly Today => clock.Today();

    public async Task<Outcome<PupilDetails>> CreateAsync(int urn, PupilInput input, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return Outcome<PupilDetails>.NotFound();
        }
        if (!await access.CanAsync(Permission.EditPupils, school.Id, ct))
        {
            return Outcome<PupilDetails>.Forbidden();
        }
        var problems = Validate(input);
        string? key = null;
        if (!PupilKey.IsWellFormedUpn(input.Upn ?? ""))
        {
            problems.Add("upn", string.IsNullOrWhiteSpace(input.Upn)
                ? "Enter the pupil's UPN."
                : "A UPN is a letter, 11 digits and a final digit or letter, like A12345678901B.");
        }
        else
        {
            var secret = await db.Trusts.Where(t => t.Id == school.TrustId).Select(t => t.PseudonymSecret).SingleAsync(ct);
            key = PupilKey.FromUpn(input.Upn!, secret);
            if (await db.Pupils.AnyAsync(p => p.Key == key, ct))
            {
                problems.Add("upn", "A pupil with this UPN is already on a roll in your trust.");
            }
        }
        if (problems.Any)
        {
            return Outcome<PupilDetails>.Invalid(problems);
        }
        var pupil = new Pupil { Key = key!, SchoolId = school.Id, TrustId = school.TrustId };
        Apply(input, pupil);
        db.Pupils.Add(pupil);
        await db.SaveChangesAsync(ct);
        return Outcome<PupilDetails>.Ok(PupilDetails.From(pupil, urn, Today));
    }

    public async Task<Outcome<PupilDetails>> UpdateAsync(string pupilKey, PupilInput input, CancellationToken ct)
    {
        if (await FindAsync(pupilKey, ct) is not var (pupil, school))
        {
            return Outcome<PupilDetails>.NotFound();
        }
        if (!await access.CanAsync(Permission.EditPupils, school.Id, ct))
        {
            return Outcome<PupilDetails>.Forbidden();
        }
        var problems = Validate(input);
        if (problems.Any)
        {
            return Outcome<PupilDetails>.Invalid(problems);
        }
        Apply(input, pupil);
        await db.SaveChangesAsync(ct);
        return Outcome<PupilDetails>.Ok(PupilDetails.From(pupil, school.Urn, Today));
    }

    public async Task<Outcome<PupilDetails>> LeaveAsync(string pupilKey, CancellationToken ct)
    {
        if (await FindAsync(pupilKey, ct) is not var (pupil, school))
        {
            return Outcome<PupilDetails>.NotFound();
        }
        if (!await access.CanAsync(Permission.EditPupils, school.Id, ct))
        {
            return Outcome<PupilDetails>.Forbidden();
        }
        pupil.LeftOn ??= Today;
        await db.SaveChangesAsync(ct);
        return Outcome<PupilDetails>.Ok(PupilDetails.From(pupil, school.Urn, Today));
    }

    /// <summary>A pupil by key, with their school, if the acting person may see the school's pupils.</summary>
    public async Task<(Pupil Pupil, School School)?> FindAsync(string pupilKey, CancellationToken ct)
    {
        var pupil = await db.Pupils.Include(p => p.Characteristics).FirstOrDefaultAsync(p => p.Key == pupilKey, ct);
        if (pupil is null)
        {
            return null;
        }
        var school = await db.Schools.FirstAsync(s => s.Id == pupil.SchoolId, ct);
        return await access.CanAsync(Permission.ViewPupils, school.Id, ct) ? (pupil, school) : null;
    }

    private static Problems Validate(PupilInput input)
    {
        var problems = new Problems();
        if (input.YearGroup is not (>= 0 and <= 13))
        {
            problems.Add("yearGroup", "Choose the year group: Reception (0) to Year 13.");
        }
        if (input.Sen is not null && !SenValues.Contains(input.Sen))
        {
            problems.Add("sen", "SEN must be none, sen-support or ehc-plan.");
        }
        if (Text.Clean(input.Sex) is string sex && !SexValues.Contains(sex.ToUpperInvariant()))
        {
            problems.Add("sex", "Sex is F or M, as in the school census.");
        }
        return problems;
    }

    private void Apply(PupilInput input, Pupil pupil)
    {
        var today = Today;
        pupil.YearGroup = input.YearGroup!.Value;
        pupil.SetFrom(Characteristic.Disadvantaged, input.Disadvantaged ? "yes" : "no", today);
        pupil.SetFrom(Characteristic.FreeSchoolMeals, input.FreeSchoolMeals ? "yes" : "no", today);
        pupil.SetFrom(Characteristic.Sen, input.Sen ?? "none", today);
        pupil.SetFrom(Characteristic.EnglishAdditionalLanguage, input.Eal ? "yes" : "no", today);
        if (Text.Clean(input.Sex) is string sex)
        {
            pupil.SetFrom(Characteristic.Sex, sex.ToUpperInvariant(), today);
        }
    }
}
