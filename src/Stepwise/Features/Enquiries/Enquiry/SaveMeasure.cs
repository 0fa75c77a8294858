using Microsoft.EntityFrameworkCore;
using Stepwise.Analytics.Spc;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.SchoolData;

namespace Stepwise.Features.Enquiries;

/// <summary>
/// A measure as a form or the API sends it. On a school's metric series: <see cref="MetricKey"/> and
/// <see cref="Group"/> (at <see cref="SchoolUrn"/>, the enquiry's school when empty). A team measure: no metric, a
/// <see cref="Unit"/>, a <see cref="Polarity"/> ("up", "down" or "neutral"), a <see cref="Frequency"/> ("weekly" or
/// "lesson") and an optional <see cref="Target"/>.
/// </summary>
public sealed class MeasureInput
{
    /// <summary>"outcome", "process" or "balancing".</summary>
    public string? Kind { get; set; }

    public string? Name { get; set; }
    public string? OperationalDefinition { get; set; }
    public string? MetricKey { get; set; }
    public string? Group { get; set; }
    public int? SchoolUrn { get; set; }
    public string? Unit { get; set; }
    public string? Polarity { get; set; }
    public string? Frequency { get; set; }
    public double? Target { get; set; }
}

/// <summary>A metric a measure can read at a school, with the pupil groups the school has figures for.</summary>
public sealed record MetricChoice(string Key, string Name, IReadOnlyList<string> Groups);

/// <summary>
/// Hangs a measure off an enquiry: outcome, process or balancing, always with its operational definition (what is
/// counted, how, by whom). It reads one of the team's schools' metric series, or the team's own figures (a team
/// measure), which get the same SPC reading as any metric (ADR 0084).
/// </summary>
public sealed class SaveMeasure(AppDbContext db, EnquiryAccess access)
{
    public static string Code(MeasureKind kind) => kind.ToString().ToLowerInvariant();

    public static string Code(TeamMeasureFrequency frequency) => frequency.ToString().ToLowerInvariant();

    public async Task<Outcome<EnquiryMeasure>> AddAsync(int enquiryId, MeasureInput input, CancellationToken ct)
    {
        var found = await EnquiryWrites.EditableAsync(db, access, enquiryId, ct);
        if (found.Kind != OutcomeKind.Ok)
        {
            return found.Pass<EnquiryMeasure, Enquiry>();
        }
        var enquiry = found.Value!;
        var team = (await access.ForTeamAsync(enquiry.TeamId, ct))!;
        var problems = new Problems();
        var kind = Enum.TryParse<MeasureKind>(input.Kind?.Trim(), ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : (MeasureKind?)null;
        if (kind is null)
        {
            problems.Add("kind", "Choose the kind of measure: outcome (the aim), process (is the change happening) or balancing (is something else getting worse).");
        }
        problems.Require("name", input.Name, "measure's name", 200)
            .Require("operationalDefinition", input.OperationalDefinition, "operational definition (what is counted, how and by whom)", 2000);
        if (input.Target is double t && (double.IsNaN(t) || double.IsInfinity(t)))
        {
            problems.Add("target", "The target must be a number.");
        }
        var measure = new EnquiryMeasure { TrustId = enquiry.TrustId, EnquiryId = enquiryId, Name = input.Name?.Trim() ?? "", OperationalDefinition = input.OperationalDefinition?.Trim() ?? "" };
        if (!string.IsNullOrWhiteSpace(input.MetricKey))
        {
            await ValidateMetricAsync(input, enquiry, team, measure, problems, ct);
        }
        else
        {
            ValidateTeamMeasure(input, measure, problems);
        }
        if (problems.Any)
        {
            return Outcome<EnquiryMeasure>.Invalid(problems);
        }
        measure.Kind = kind!.Value;
        measure.Target = input.Target;
        db.EnquiryMeasures.Add(measure);
        await db.SaveChangesAsync(ct);
        return Outcome<EnquiryMeasure>.Ok(measure);
    }

    /// <summary>The metrics a school has figures for, with their pupil groups ("all" first), for the form's lists.</summary>
    public async Task<List<MetricChoice>> MetricChoicesAsync(int schoolId, CancellationToken ct)
    {
        var school = await db.Schools.Where(s => s.Id == schoolId).Select(s => new { s.Id, s.Urn }).FirstAsync(ct);
        var all = await MetricSeries.ForSchoolAsync(db, school.Id, school.Urn, PupilGroups.All, null, ct);
        var byMetric = (await db.MetricValues.Where(v => v.SchoolId == school.Id).Select(v => new { v.MetricKey, v.Group }).Distinct().ToListAsync(ct))
            .GroupBy(v => v.MetricKey).ToDictionary(g => g.Key, g => g.Select(v => v.Group).ToList());
        return all.Select(s => new MetricChoice(s.Metric.Key, s.Metric.Name,
            byMetric.GetValueOrDefault(s.Metric.Key, []).Where(g => g != PupilGroups.All).Order(StringComparer.Ordinal).Prepend(PupilGroups.All).ToList())).ToList();
    }

    private async Task ValidateMetricAsync(MeasureInput input, Enquiry enquiry, TeamAccess team, EnquiryMeasure measure, Problems problems, CancellationToken ct)
    {
        var school = input.SchoolUrn is int urn
            ? await db.Schools.Where(s => s.Urn == urn && team.SchoolIds.Contains(s.Id)).Select(s => new { s.Id, s.Urn }).FirstOrDefaultAsync(ct)
            : await db.Schools.Where(s => s.Id == enquiry.SchoolId).Select(s => new { s.Id, s.Urn }).FirstAsync(ct);
        if (school is null)
        {
            problems.Add("schoolUrn", $"The school must be one of the team's schools (URN {input.SchoolUrn} is not).");
            return;
        }
        if (input.Unit is not null || input.Polarity is not null || input.Frequency is not null)
        {
            problems.Add("metricKey", "A measure on a metric takes its unit, direction and periods from the metric: leave unit, polarity and frequency empty, or leave the metric empty for a team measure.");
        }
        var group = string.IsNullOrWhiteSpace(input.Group) ? PupilGroups.All : input.Group.Trim();
        var key = input.MetricKey!.Trim();
        if (await MetricSeries.OneAsync(db, school.Id, school.Urn, key, group, null, ct) is null)
        {
            problems.Add("metricKey", $"The school has no figures for \"{key}\" for {PupilGroups.Phrase(group)}: choose a metric and group from its measures.");
            return;
        }
        measure.SchoolId = school.Id;
        measure.MetricKey = key;
        measure.Group = group;
    }

    private static void ValidateTeamMeasure(MeasureInput input, EnquiryMeasure measure, Problems problems)
    {
        problems.Require("unit", input.Unit, "unit (%, pupils, minutes …)", 20);
        var polarity = SpcCodes.ParsePolarity(input.Polarity);
        if (polarity is null)
        {
            problems.Add("polarity", "Say which way is better: up (higher is better), down (lower is better) or neutral.");
        }
        var frequency = Enum.TryParse<TeamMeasureFrequency>(input.Frequency?.Trim(), ignoreCase: true, out var f) && Enum.IsDefined(f) ? f : (TeamMeasureFrequency?)null;
        if (frequency is null)
        {
            problems.Add("frequency", "Say how often the team takes it: weekly or lesson by lesson.");
        }
        if (input.Group is not null || input.SchoolUrn is not null)
        {
            problems.Add("metricKey", "Choose the metric the measure reads at that school and group, or leave school and group empty for a team measure.");
        }
        var unit = input.Unit?.Trim();
        if (IsPercent(unit) && input.Target is < 0 or > 100)
        {
            problems.Add("target", "The target is a percentage: it must be between 0 and 100.");
        }
        measure.Unit = unit;
        measure.Polarity = polarity?.ToCode();
        measure.Frequency = frequency;
    }

    public static bool IsPercent(string? unit) => unit is not null && unit.StartsWith('%');
}
