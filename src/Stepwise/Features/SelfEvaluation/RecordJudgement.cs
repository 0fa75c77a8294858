using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Frameworks;
using Stepwise.Features.SchoolData;
using Stepwise.Features.Units;

namespace Stepwise.Features.SelfEvaluation;

/// <summary>
/// Records a judgement of one area for a school or unit. The school grades itself ("self"); the trust's leaders
/// record the trust's view and external reviews' findings. The grade must be on the area's scale in the framework's
/// latest version. Nothing is stored if any field is wrong.
/// </summary>
public sealed class RecordJudgement(AppDbContext db, AccessControl access, FrameworkCatalogue catalogue, TimeProvider clock)
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

        var loaded = Text.Clean(input.Framework) is string key ? await catalogue.LoadByKeyAsync(key, ct) : null;
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

        FrameworkGrade? grade = null;
        if (area is not null)
        {
            var scale = loaded!.Scale(area.Scale).ToList();
            var given = Text.Clean(input.Grade);
            grade = scale.FirstOrDefault(g => string.Equals(g.Key, given, StringComparison.OrdinalIgnoreCase) || string.Equals(g.Name, given, StringComparison.OrdinalIgnoreCase));
            if (grade is null)
            {
                problems.Add("grade", given is null
                    ? $"Choose a grade for {area.Name}."
                    : $"\"{given}\" is not on the scale for {area.Name}: choose one of {string.Join(", ", scale.Select(g => g.Name))}.");
            }
        }

        problems.Optional("strengths", input.Strengths, "strengths", 4000)
            .Optional("areasForDevelopment", input.AreasForDevelopment, "areas for development", 4000);
        var today = ActingPerson.Today(clock);
        var judgedOn = input.JudgedOn ?? today;
        if (judgedOn > today)
        {
            problems.Add("judgedOn", $"The date of the judgement cannot be in the future (today is {today:d MMMM yyyy}).");
        }
        else if (judgedOn.Year < 2000)
        {
            problems.Add("judgedOn", "The date of the judgement must be in 2000 or later.");
        }

        var evidence = (input.Evidence ?? []).Where(e => !e.IsEmpty).ToList();
        if (evidence.Count > MaxEvidence)
        {
            problems.Add("evidence", $"A judgement can link at most {MaxEvidence} pieces of evidence.");
        }
        var items = new List<JudgementEvidence>();
        for (var i = 0; i < Math.Min(evidence.Count, MaxEvidence); i++)
        {
            if (await EvidenceChecks.CheckAsync(db, evidence[i], $"evidence[{i}]", i + 1, problems, ct) is { } item)
            {
                items.Add(item);
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
            RecordedAt = clock.GetUtcNow().UtcDateTime,
            Evidence = items,
        };
        db.Judgements.Add(judgement);
        await db.SaveChangesAsync(ct);
        return Outcome<JudgementView>.Ok(new JudgementView(judgement.Id, area.Key, area.Name, loaded!.Version.Number, grade.Key, grade.Name, grade.Rank,
            loaded.Scale(area.Scale).Count(), Codes.Of(source), judgement.Strengths, judgement.AreasForDevelopment, judgedOn, judgement.By, unit.Name,
            items.Select(e => new EvidenceView(Codes.Of(e.Kind), e.Title, e.Url, e.MetricKey, e.Group, e.Note)).ToList()));
    }
}

/// <summary>Checks one piece of evidence: its kind, a title, a safe link, and for a metric a key in the catalogue and a known pupil group.</summary>
public static class EvidenceChecks
{
    public static async Task<JudgementEvidence?> CheckAsync(AppDbContext db, EvidenceInput e, string field, int number, Problems problems, CancellationToken ct)
    {
        var before = problems.ToDictionary().Values.Sum(v => v.Length);
        var kind = EvidenceKind.Note;
        if (Text.Clean(e.Kind) is null)
        {
            kind = Text.Clean(e.MetricKey) is not null ? EvidenceKind.Metric : Text.Clean(e.Url) is not null ? EvidenceKind.Link : EvidenceKind.Note;
        }
        else if (!Codes.TryParse(e.Kind, out kind))
        {
            problems.Add($"{field}.kind", $"Evidence {number}: the kind must be one of {Codes.List<EvidenceKind>()}, not \"{e.Kind!.Trim()}\".");
        }
        var metricKey = Text.Clean(e.MetricKey);
        var group = Text.Clean(e.Group) ?? PupilGroups.All;
        string? title = Text.Clean(e.Title);
        if (kind == EvidenceKind.Metric)
        {
            var metric = metricKey is null ? null : await db.Metrics.AsNoTracking().FirstOrDefaultAsync(m => m.Key == metricKey, ct);
            if (metric is null)
            {
                problems.Add($"{field}.metricKey", metricKey is null
                    ? $"Evidence {number}: choose the metric."
                    : $"Evidence {number}: there is no metric \"{metricKey}\" in the catalogue.");
            }
            if (!PupilGroups.IsKnown(group))
            {
                problems.Add($"{field}.group", $"Evidence {number}: \"{group}\" is not a pupil group.");
            }
            title ??= metric is null ? null : group == PupilGroups.All ? metric.Name : $"{metric.Name}: {PupilGroups.Name(group)}";
        }
        else
        {
            title ??= Text.Clean(e.Note) is string note ? (note.Length > 60 ? note[..57] + "…" : note) : Text.Clean(e.Url);
        }
        if (title is null)
        {
            problems.Add($"{field}.title", $"Evidence {number}: give it a title.");
        }
        else if (title.Length > 200)
        {
            problems.Add($"{field}.title", $"Evidence {number}: the title must be 200 characters or fewer.");
        }
        var url = Text.Clean(e.Url);
        if (url is not null && !SafeLink(url))
        {
            problems.Add($"{field}.url", $"Evidence {number}: the link must start with https://, http:// or / (a page in Stepwise).");
        }
        problems.Optional($"{field}.note", e.Note, $"note of evidence {number}", 2000);
        if (problems.ToDictionary().Values.Sum(v => v.Length) > before)
        {
            return null;
        }
        return new JudgementEvidence
        {
            Kind = kind,
            Title = title!,
            Url = url,
            MetricKey = kind == EvidenceKind.Metric ? metricKey : null,
            Group = kind == EvidenceKind.Metric ? group : null,
            Note = Text.Clean(e.Note),
        };
    }

    /// <summary>Only web links and Stepwise's own pages: never javascript: or data: addresses.</summary>
    public static bool SafeLink(string url) =>
        (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && url.Length <= 1000);
}
