using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;

namespace Stepwise.Features.Enquiries;

/// <summary>One figure of a team measure as a form or the API sends it; the value as typed (so "abc" gets its own message).</summary>
public sealed class MeasureValueInput
{
    public DateOnly? On { get; set; }
    public string? Lesson { get; set; }
    public string? Value { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// The team's own figures for a team measure: entered one at a time, corrected, deleted, or pasted as CSV lines
/// "date,value[,lesson]". A weekly figure is kept against its week's Monday, whatever day it is entered for; a lesson
/// figure against its day and lesson. A percentage is between 0 and 100; a week (or a day's lesson) has one figure.
/// A paste is saved whole or not at all, with every wrong line named.
/// </summary>
public sealed class RecordTeamMeasureValues(AppDbContext db, EnquiryAccess access, TimeProvider clock)
{
    public const int MostLines = 1000;

    /// <summary>The Monday of the week a day falls in.</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public async Task<Outcome<TeamMeasureValue>> AddAsync(int enquiryId, int measureId, MeasureValueInput input, CancellationToken ct)
    {
        var found = await MeasureAsync(enquiryId, measureId, ct);
        if (found.Kind != OutcomeKind.Ok)
        {
            return found.Pass<TeamMeasureValue, EnquiryMeasure>();
        }
        var measure = found.Value!;
        var stored = await StoredAsync(measureId, ct);
        var problems = new Problems();
        var value = Read(measure, input, stored, null, problems, (field, message) => problems.Add(field, message));
        if (problems.Any)
        {
            return Outcome<TeamMeasureValue>.Invalid(problems);
        }
        value!.By = await ActingPerson.NameAsync(db, ct);
        db.TeamMeasureValues.Add(value);
        await db.SaveChangesAsync(ct);
        return Outcome<TeamMeasureValue>.Ok(value);
    }

    public async Task<Outcome<TeamMeasureValue>> CorrectAsync(int enquiryId, int measureId, int valueId, MeasureValueInput input, CancellationToken ct)
    {
        var found = await MeasureAsync(enquiryId, measureId, ct);
        if (found.Kind != OutcomeKind.Ok)
        {
            return found.Pass<TeamMeasureValue, EnquiryMeasure>();
        }
        var existing = await db.TeamMeasureValues.FirstOrDefaultAsync(v => v.Id == valueId && v.MeasureId == measureId, ct);
        if (existing is null)
        {
            return Outcome<TeamMeasureValue>.NotFound();
        }
        var problems = new Problems();
        var read = Read(found.Value!, input, await StoredAsync(measureId, ct), valueId, problems, (field, message) => problems.Add(field, message));
        if (problems.Any)
        {
            return Outcome<TeamMeasureValue>.Invalid(problems);
        }
        existing.On = read!.On;
        existing.Lesson = read.Lesson;
        existing.Value = read.Value;
        existing.Note = read.Note;
        existing.EnteredAt = read.EnteredAt;
        existing.By = await ActingPerson.NameAsync(db, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<TeamMeasureValue>.Ok(existing);
    }

    public async Task<Outcome<TeamMeasureValue>> DeleteAsync(int enquiryId, int measureId, int valueId, CancellationToken ct)
    {
        var found = await MeasureAsync(enquiryId, measureId, ct);
        if (found.Kind != OutcomeKind.Ok)
        {
            return found.Pass<TeamMeasureValue, EnquiryMeasure>();
        }
        var existing = await db.TeamMeasureValues.FirstOrDefaultAsync(v => v.Id == valueId && v.MeasureId == measureId, ct);
        if (existing is null)
        {
            return Outcome<TeamMeasureValue>.NotFound();
        }
        db.TeamMeasureValues.Remove(existing);
        await db.SaveChangesAsync(ct);
        return Outcome<TeamMeasureValue>.Ok(existing);
    }

    /// <summary>Lines "date,value[,lesson]" (a first line "date,value…" is a header and skipped): all saved, or none with every wrong line named.</summary>
    public async Task<Outcome<List<TeamMeasureValue>>> PasteAsync(int enquiryId, int measureId, string? text, CancellationToken ct)
    {
        var found = await MeasureAsync(enquiryId, measureId, ct);
        if (found.Kind != OutcomeKind.Ok)
        {
            return found.Pass<List<TeamMeasureValue>, EnquiryMeasure>();
        }
        var measure = found.Value!;
        var problems = new Problems();
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var filled = lines.Select((l, i) => (Line: i + 1, Text: l.Trim())).Where(l => l.Text.Length > 0).ToList();
        if (filled.Count > 0 && filled[0].Text.StartsWith("date", StringComparison.OrdinalIgnoreCase))
        {
            filled.RemoveAt(0);
        }
        if (filled.Count == 0)
        {
            return Outcome<List<TeamMeasureValue>>.Invalid(problems.Add("lines", "Paste at least one line: date,value (and the lesson, for a lesson measure), for example 2026-03-02,64."));
        }
        if (filled.Count > MostLines)
        {
            return Outcome<List<TeamMeasureValue>>.Invalid(problems.Add("lines", $"Paste at most {MostLines} lines at a time ({filled.Count} pasted)."));
        }
        var stored = await StoredAsync(measureId, ct);
        var added = new List<TeamMeasureValue>();
        foreach (var (line, content) in filled)
        {
            var parts = content.Split(',', 3);
            if (parts.Length < 2)
            {
                problems.Add("lines", $"Line {line}: write the date and the value separated by a comma (\"{Display(content)}\" has no comma).");
                continue;
            }
            DateOnly? on = DateOnly.TryParseExact(parts[0].Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
            if (on is null)
            {
                problems.Add("lines", $"Line {line}: \"{Display(parts[0].Trim())}\" is not a date (write 2026-03-02 or 02/03/2026).");
                continue;
            }
            var input = new MeasureValueInput { On = on, Value = parts[1], Lesson = parts.Length > 2 ? parts[2] : null };
            var value = Read(measure, input, stored, null, problems, (_, message) => problems.Add("lines", $"Line {line}: {message}"));
            if (value is not null)
            {
                added.Add(value);
                stored.Add((0, value.On, value.Lesson));
            }
        }
        if (problems.Any)
        {
            return Outcome<List<TeamMeasureValue>>.Invalid(problems.Add("lines", "Nothing was saved: correct these lines and paste them all again."));
        }
        var by = await ActingPerson.NameAsync(db, ct);
        added.ForEach(v => v.By = by);
        db.TeamMeasureValues.AddRange(added);
        await db.SaveChangesAsync(ct);
        return Outcome<List<TeamMeasureValue>>.Ok(added);
    }

    private static string Display(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private async Task<Outcome<EnquiryMeasure>> MeasureAsync(int enquiryId, int measureId, CancellationToken ct)
    {
        var found = await EnquiryWrites.EditableAsync(db, access, enquiryId, ct);
        if (found.Kind != OutcomeKind.Ok)
        {
            return found.Pass<EnquiryMeasure, Enquiry>();
        }
        var measure = await db.EnquiryMeasures.AsNoTracking().FirstOrDefaultAsync(m => m.Id == measureId && m.EnquiryId == enquiryId && m.RemovedAt == null, ct);
        if (measure is null)
        {
            return Outcome<EnquiryMeasure>.NotFound();
        }
        return measure.IsTeamMeasure
            ? Outcome<EnquiryMeasure>.Ok(measure)
            : Outcome<EnquiryMeasure>.Invalid(new Problems().Add("", $"\"{measure.Name}\" reads the school's figures for a metric: its values come from the school's data, not from the team."));
    }

    private async Task<List<(int Id, DateOnly On, string? Lesson)>> StoredAsync(int measureId, CancellationToken ct) =>
        (await db.TeamMeasureValues.Where(v => v.MeasureId == measureId).Select(v => new { v.Id, v.On, v.Lesson }).ToListAsync(ct))
        .Select(v => (v.Id, v.On, v.Lesson)).ToList();

    /// <summary>The figure the input describes, or null with its problems reported (by field) through <paramref name="report"/>.</summary>
    private TeamMeasureValue? Read(EnquiryMeasure measure, MeasureValueInput input, List<(int Id, DateOnly On, string? Lesson)> stored, int? replacing,
        Problems problems, Action<string, string> report)
    {
        var before = problems.ToDictionary().Sum(kv => kv.Value.Length);
        var weekly = measure.Frequency == TeamMeasureFrequency.Weekly;
        var lesson = Text.Clean(input.Lesson);
        if (input.On is not DateOnly day)
        {
            report("on", weekly ? "Enter a date in the week the figure is for." : "Enter the date of the lesson.");
        }
        else if (day > clock.Today())
        {
            report("on", $"{Stepwise.Features.Shared.Display.Date(day)} is in the future: enter figures once they are taken.");
        }
        if (weekly && lesson is not null)
        {
            report("lesson", "A weekly measure has one figure a week: leave the lesson empty.");
        }
        else if (lesson is { Length: > 60 })
        {
            report("lesson", "The lesson must be 60 characters or fewer.");
        }
        var text = input.Value?.Trim();
        if (text is not null && SaveMeasure.IsPercent(measure.Unit) && text.EndsWith('%'))
        {
            text = text[..^1].TrimEnd();
        }
        double? value = null;
        if (string.IsNullOrEmpty(text))
        {
            report("value", "Enter the value.");
        }
        else if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            report("value", $"\"{Display(input.Value!.Trim())}\" is not a number (write it with a full stop for decimals: 62.5).");
        }
        else if (SaveMeasure.IsPercent(measure.Unit) && number is < 0 or > 100)
        {
            report("value", $"{number.ToString(CultureInfo.InvariantCulture)} is not a percentage: it must be between 0 and 100.");
        }
        else
        {
            value = number;
        }
        var note = Text.Clean(input.Note);
        if (note is { Length: > 500 })
        {
            report("note", "The note must be 500 characters or fewer.");
        }
        if (problems.ToDictionary().Sum(kv => kv.Value.Length) > before || input.On is not DateOnly given || value is null)
        {
            return null;
        }
        var on = weekly ? MondayOf(given) : given;
        if (stored.Any(s => s.Id != replacing && s.On == on && string.Equals(s.Lesson, lesson, StringComparison.OrdinalIgnoreCase)))
        {
            report("on", weekly
                ? $"There is already a figure for the week of {Stepwise.Features.Shared.Display.Date(on)}: correct that one instead."
                : $"There is already a figure for {Stepwise.Features.Shared.Display.Date(on)}{(lesson is null ? "" : $", lesson {lesson}")}: correct that one, or name the lesson.");
            return null;
        }
        return new TeamMeasureValue { TrustId = measure.TrustId, MeasureId = measure.Id, On = on, Lesson = weekly ? null : lesson, Value = value.Value, Note = note, EnteredAt = clock.UtcNow(), By = "" };
    }
}
