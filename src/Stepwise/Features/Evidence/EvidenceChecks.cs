using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.SchoolData;

namespace Stepwise.Features.Evidence;

/// <summary>
/// The rules for one piece of evidence, wherever it is added: its kind, a title (taken from the measure, the note or
/// the link when none is given), a safe link, and for a measure a metric in the catalogue and a known pupil group.
/// </summary>
public static class EvidenceChecks
{
    public const int MaxTitle = 200;
    public const int MaxNote = 2000;

    /// <summary>
    /// Checks one piece. <paramref name="field"/> is the API field it came in ("evidence[0]"), or null when the body
    /// is the evidence itself; <paramref name="number"/> names it in messages ("Evidence 1: …") when there are several.
    /// </summary>
    public static async Task<CheckedEvidence?> CheckAsync(AppDbContext db, EvidenceInput e, string? field, int? number, Problems problems, CancellationToken ct)
    {
        var before = problems.ToDictionary().Values.Sum(v => v.Length);
        string Field(string name) => field is null ? name : $"{field}.{name}";
        string Say(string message) => number is int n ? $"Evidence {n}: {message}" : char.ToUpperInvariant(message[0]) + message[1..];

        var kind = EvidenceKind.Note;
        if (Text.Clean(e.Kind) is null)
        {
            kind = Text.Clean(e.MetricKey) is not null ? EvidenceKind.Metric : Text.Clean(e.Url) is not null ? EvidenceKind.Link : EvidenceKind.Note;
        }
        else if (!Codes.TryParse(e.Kind, out kind))
        {
            problems.Add(Field("kind"), Say($"the kind must be one of {Codes.List<EvidenceKind>()}, not \"{e.Kind!.Trim()}\"."));
        }
        var metricKey = Text.Clean(e.MetricKey);
        var group = Text.Clean(e.Group) ?? PupilGroups.All;
        var title = Text.Clean(e.Title);
        if (kind == EvidenceKind.Metric)
        {
            var metric = metricKey is null ? null : await db.Metrics.AsNoTracking().FirstOrDefaultAsync(m => m.Key == metricKey, ct);
            if (metric is null)
            {
                problems.Add(Field("metricKey"), metricKey is null
                    ? Say("choose the metric.")
                    : Say($"there is no metric \"{metricKey}\" in the catalogue."));
            }
            if (!PupilGroups.IsKnown(group))
            {
                problems.Add(Field("group"), Say($"\"{group}\" is not a pupil group."));
            }
            title ??= metric is null ? null : group == PupilGroups.All ? metric.Name : $"{metric.Name}: {PupilGroups.Name(group)}";
        }
        else
        {
            title ??= Text.Clean(e.Note) is string note ? (note.Length > 60 ? note[..57] + "…" : note) : Text.Clean(e.Url);
        }
        if (title is null)
        {
            problems.Add(Field("title"), Say("give it a title."));
        }
        else if (title.Length > MaxTitle)
        {
            problems.Add(Field("title"), Say($"the title must be {MaxTitle} characters or fewer."));
        }
        var url = Text.Clean(e.Url);
        if (url is not null && !SafeLink(url))
        {
            problems.Add(Field("url"), Say("the link must start with https://, http:// or / (a page in Stepwise)."));
        }
        if (e.Note is not null && e.Note.Trim().Length > MaxNote)
        {
            problems.Add(Field("note"), Say($"the note must be {MaxNote} characters or fewer."));
        }
        if (problems.ToDictionary().Values.Sum(v => v.Length) > before)
        {
            return null;
        }
        return new CheckedEvidence(kind, title!, url,
            kind == EvidenceKind.Metric ? metricKey : null,
            kind == EvidenceKind.Metric ? group : null,
            Text.Clean(e.Note));
    }

    /// <summary>Only web links and Stepwise's own pages: never javascript: or data: addresses.</summary>
    public static bool SafeLink(string url) => url.Length <= 1000
        && ((url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
            || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"));
}
