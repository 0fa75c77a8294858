using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Evidence;
using Stepwise.Features.Frameworks;
using Stepwise.Features.Units;

namespace Stepwise.Features.SelfEvaluation;

/// <summary>
/// Records a judgement of one area for a school or unit. The school grades itself ("self"); the trust's leaders
/// record the trust's view and external reviews' findings. The grade must be on the area's scale in the framework's
/// latest version. Nothing is stored if any field is wrong.
/// </summary>
public sealed class RecordJudgement(AppDbContext db, AccessControl access, FrameworkCatalogue catalogue, ReadEvidence readEvidence, TimeProvider clock)
{
    public const int MaxEvidence = 10;

    public async Task<Outcome<JudgementView>> HandleAsync(int urn, JudgementInput input, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return Outcome<JudgementView>.NotFound();
        }
        var unit = input.UnitId is int unitId
            ? await db.Units.FirstOrDefaultAsync(u => u.Id == unitId && u.SchoolId == school.Id, ct)
            : await db.Units.FirstOrDefaultAsync(u => u.SchoolId == school.Id && u.Kind == UnitKind.WholeSchool, ct);
        var problems = new Problems();
        if (unit is null)
        {
            problems.Add("unitId", $"Unit {input.UnitId} is not a unit of {school.Name}.");
        }

        JudgementSource source = JudgementSource.Self;
        if (Text.Clean(input.Source) is string sourceText && !Codes.TryParse(sourceText, out source))
        {
            problems.Add("source", $"The source must be one of {Codes.List<JudgementSource>()}, not \"{sourceText}\".");
        }
        // Permission first: someone who may not judge learns nothing more from the validation messages.
        var allowed = source == JudgementSource.Self
            ? unit is null ? await access.CanAsync(Permission.EditSelfEvaluation, school.Id, ct) : await access.CanForUnitAsync(Permission.EditSelfEvaluation, school.Id, unit.Id, ct)
            : await access.CanAcrossTrustAsync(Permission.ModerateSchools, ct);
        if (!allowed)
        {
            return Outcome<JudgementView>.Forbidden();
        }

        var loaded = Text.Clean(input.Framework) is string key ? await catalogue.LoadByKeyAsync(key, FrameworkLevel.School, ct) : null;
        FrameworkArea? area = null;
        if (loaded is null)
        {
            problems.Add("framework", Text.Clean(input.Framework) is null
                ? "Choose the framework to judge against."
                : $"Your trust has no framework \"{input.Framework!.Trim()}\".");
        }
        else
        {
            area = loaded.Areas.FirstOrDefault(a => a.Key == Text.Clean(input.Area));
            if (area is null)
            {
                problems.Add("area", Text.Clean(input.Area) is null
                    ? "Choose the area to judge."
                    : $"Version {loaded.Version.Number} of {loaded.Framework.Name} has no area \"{input.Area!.Trim()}\".");
            }
        }

        var grade = area is null ? null : JudgementRules.Grade(problems, loaded!, area, input.Grade);
        var today = clock.Today();
        var judgedOn = JudgementRules.WordsAndDay(problems, input.Strengths, input.AreasForDevelopment, input.JudgedOn, today);

        var evidence = (input.Evidence ?? []).Where(e => !e.IsEmpty).ToList();
        if (evidence.Count > MaxEvidence)
        {
            problems.Add("evidence", $"A judgement can link at most {MaxEvidence} pieces of evidence.");
        }
        var checkedEvidence = new List<CheckedEvidence>();
        for (var i = 0; i < Math.Min(evidence.Count, MaxEvidence); i++)
        {
            if (await EvidenceChecks.CheckAsync(db, evidence[i], $"evidence[{i}]", i + 1, problems, ct) is { } item)
            {
                checkedEvidence.Add(item);
            }
        }

        if (problems.Any)
        {
            return Outcome<JudgementView>.Invalid(problems);
        }

        var judgement = new Judgement
        {
            SchoolId = school.Id,
            UnitId = unit!.Id,
            FrameworkAreaId = area!.Id,
            Grade = grade!.Key,
            Source = source,
            Strengths = Text.Clean(input.Strengths),
            AreasForDevelopment = Text.Clean(input.AreasForDevelopment),
            JudgedOn = judgedOn,
            PersonId = db.Scope.PersonId,
            By = await ActingPerson.NameAsync(db, ct),
            RecordedAt = clock.UtcNow(),
        };
        // The judgement and its evidence are stored together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Judgements.Add(judgement);
        await db.SaveChangesAsync(ct);
        var items = checkedEvidence.Select(e => e.AttachTo(EvidenceOwner.Judgement, judgement.Id, school.TrustId, school.Id, judgement.RecordedAt, judgement.PersonId, judgement.By)).ToList();
        db.Evidence.AddRange(items);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<JudgementView>.Ok(new JudgementView(judgement.Id, area.Key, area.Name, loaded!.Version.Number, grade.Key, grade.Name, grade.Rank,
            loaded.Scale(area.Scale).Count(), Codes.Of(source), judgement.Strengths, judgement.AreasForDevelopment, judgedOn, judgement.By, unit.Name,
            (await readEvidence.ForAsync(EvidenceOwner.Judgement, [judgement.Id], ct)).GetValueOrDefault(judgement.Id, [])));
    }
}
