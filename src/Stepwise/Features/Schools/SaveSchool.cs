using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Units;

namespace Stepwise.Features.Schools;

/// <summary>
/// Creates a school (with its whole-school unit) or edits one. Nothing is stored if any field is wrong. A new school's
/// empty fields are filled from the national register where it holds the URN, so a URN alone adds a school it knows.
/// </summary>
public sealed partial class SaveSchool(AppDbContext db, AccessControl access, CreateFromRegister register)
{
    [GeneratedRegex(@"^[A-Z]{1,2}[0-9][0-9A-Z]?\s?[0-9][A-Z]{2}$", RegexOptions.IgnoreCase)]
    private static partial Regex PostcodePattern();

    public async Task<Outcome<SchoolSummary>> CreateAsync(SchoolInput input, CancellationToken ct)
    {
        if (!await access.CanAcrossTrustAsync(Permission.CreateSchool, ct))
        {
            return Outcome<SchoolSummary>.Forbidden();
        }
        input = await register.FillAsync(input, ct);
        var problems = await ValidateAsync(input, existing: null, ct);
        if (problems.Any)
        {
            return Outcome<SchoolSummary>.Invalid(problems);
        }
        var school = new School { Name = "" };
        Apply(input, school);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Schools.Add(school);
        await db.SaveChangesAsync(ct);
        db.Units.Add(new Unit { SchoolId = school.Id, TrustId = school.TrustId, Kind = UnitKind.WholeSchool, Name = "Whole school" });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<SchoolSummary>.Ok(SchoolSummary.From(school));
    }

    public async Task<Outcome<SchoolSummary>> UpdateAsync(int urn, SchoolInput input, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return Outcome<SchoolSummary>.NotFound();
        }
        if (!await access.CanAsync(Permission.EditSchool, school.Id, ct))
        {
            return Outcome<SchoolSummary>.Forbidden();
        }
        var problems = await ValidateAsync(input, school, ct);
        if (problems.Any)
        {
            return Outcome<SchoolSummary>.Invalid(problems);
        }
        Apply(input, school);
        await db.SaveChangesAsync(ct);
        return Outcome<SchoolSummary>.Ok(SchoolSummary.From(school));
    }

    private async Task<Problems> ValidateAsync(SchoolInput input, School? existing, CancellationToken ct)
    {
        var problems = new Problems();
        if (!Urns.TryParse(input.Urn, out var urn))
        {
            problems.Add("urn", string.IsNullOrWhiteSpace(input.Urn)
                ? "Enter the school's URN."
                : $"The URN must be 6 digits, like 123456 (\"{input.Urn.Trim()}\" is not).");
        }
        else if (urn != existing?.Urn && await db.Schools.AnyAsync(s => s.Urn == urn, ct))
        {
            // Within this trust only (the query filter): another trust's schools are neither seen nor named.
            problems.Add("urn", $"URN {urn} is already in use by another school in your trust.");
        }
        problems.Require("name", input.Name, "school's name", 200);
        if (!Codes.TryParse<Phase>(input.Phase, out _))
        {
            problems.Add("phase", $"Choose the phase: one of {Codes.List<Phase>()}.");
        }
        if (input.Status is not null && !Codes.TryParse<SchoolStatus>(input.Status, out _))
        {
            problems.Add("status", $"The status must be one of {Codes.List<SchoolStatus>()}.");
        }
        problems.Optional("type", input.Type, "type of school", 100);
        problems.Optional("localAuthority", input.LocalAuthority, "local authority", 100);
        if (Text.Clean(input.Postcode) is string postcode && !PostcodePattern().IsMatch(postcode))
        {
            problems.Add("postcode", $"\"{postcode}\" is not a UK postcode, like SO23 9AA.");
        }
        if (input.Pupils is < 0 or > 10_000)
        {
            problems.Add("pupils", "The number of pupils must be between 0 and 10,000.");
        }
        problems.Percentage("percentFreeSchoolMeals", input.PercentFreeSchoolMeals, "free school meals percentage")
            .Percentage("percentDisadvantaged", input.PercentDisadvantaged, "disadvantaged percentage")
            .Percentage("percentSen", input.PercentSen, "SEN percentage")
            .Percentage("percentEal", input.PercentEal, "EAL percentage");
        return problems;
    }

    private static void Apply(SchoolInput input, School school)
    {
        Urns.TryParse(input.Urn, out var urn);
        Codes.TryParse<Phase>(input.Phase, out var phase);
        school.Urn = urn;
        school.Name = input.Name!.Trim();
        school.Phase = phase;
        school.Status = Codes.TryParse<SchoolStatus>(input.Status, out var status) ? status : SchoolStatus.Open;
        school.Type = Text.Clean(input.Type);
        school.LocalAuthority = Text.Clean(input.LocalAuthority);
        school.Postcode = Text.Clean(input.Postcode)?.ToUpperInvariant();
        school.Pupils = input.Pupils;
        school.PercentFreeSchoolMeals = input.PercentFreeSchoolMeals;
        school.PercentDisadvantaged = input.PercentDisadvantaged;
        school.PercentSen = input.PercentSen;
        school.PercentEal = input.PercentEal;
    }
}
