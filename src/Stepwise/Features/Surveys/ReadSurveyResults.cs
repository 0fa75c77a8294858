using Microsoft.EntityFrameworkCore;
using Stepwise.Analytics.Surveys;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Shared;

namespace Stepwise.Features.Surveys;

/// <summary>
/// Results of a survey with small-group protection (methods.md §5): percentage favourable (top two of five, "don't
/// know" left out), distribution and mean per question and per scale (with Cronbach's alpha), the change since the
/// previous run (a two-proportion z-test for a question, one score per respondent for a scale), and breakdowns by year group, staff role or school. No figure comes from
/// fewer respondents than the trust's minimum; in a breakdown a second group is hidden when one is, so no figure can be
/// recovered by subtraction; a choice picked by fewer than the minimum shows "fewer than N"; free text appears only
/// once 10 people have written an answer to that question, and never in a breakdown.
/// </summary>
public sealed class ReadSurveyResults(AppDbContext db, SurveyAccess surveys)
{
    /// <param name="Received">Responses stored so far.</param>
    /// <param name="Respondents">Responses the figures use: all of them once the survey is closed, whole batches per group while open.</param>
    /// <param name="Batched">True while the survey is open, so the figures use only whole batches (<see cref="OpenSurveyRelease"/>).</param>
    public sealed record Results(
        Survey Survey,
        string Where,
        int Received,
        int Respondents,
        bool Batched,
        SuppressionPolicy Policy,
        bool TooFew,
        string? PreviousTitle,
        int? PreviousRespondents,
        List<QuestionResult> Questions,
        List<ScaleResult> Scales,
        Breakdown? Breakdown,
        IReadOnlyList<string> BreakdownChoices,
        string? Withheld);

    public sealed record QuestionResult(
        SurveyQuestion Question,
        int Number,
        int Answered,
        ItemResult? Agreement,
        Change? Change,
        List<ChoiceCount>? Choices,
        (int N, double Mean, double Median)? Numbers,
        List<string>? Comments,
        string? Hidden);

    public sealed record Change(double PreviousPercent, ProportionChangeResult Test);

    /// <summary>How many picked one answer of a choice question, and their share; both null when not shown (see the reason).</summary>
    public sealed record ChoiceCount(string Option, int? Count, double? Percent, SuppressionReason Reason);

    public sealed record ScaleResult(string Name, int Items, ItemResult Pooled, AlphaResult Alpha, bool AlphaShown, Change? Change);

    public sealed record Breakdown(string Title, List<string> Groups, List<int?> GroupRespondents, List<BreakdownRow> Rows);

    /// <summary>One question across the groups: a figure, or why there is none (the whole row when <paramref name="Withheld"/>).</summary>
    public sealed record BreakdownRow(int Number, string Question, List<Cell> Cells, bool Withheld = false);

    public sealed record Cell(double? PercentFavourable, double? Mean, int N, SuppressionReason Reason);

    private sealed record Row(long ResponseId, int? SchoolId, int? YearGroup, StaffRole? StaffRole);

    private sealed record AnswerRow(long ResponseId, int QuestionId, int? Choice, string? Choices, decimal? Number, string? Text);

    public async Task<Results?> HandleAsync(int surveyId, string? by, CancellationToken ct)
    {
        var survey = await surveys.FindToReadAsync(surveyId, ct);
        if (survey is null)
        {
            return null;
        }
        var policy = new SuppressionPolicy(await SurveyMinimum.ForTrustAsync(db, ct));
        var visibleSchools = survey.SchoolId is null ? await surveys.SchoolsToReadAsync(ct) : null;
        var where = survey.SchoolId is int id ? await db.Schools.Where(s => s.Id == id).Select(s => s.Name).FirstAsync(ct) : "Every school in the trust";

        var (received, rows, answers) = await LoadAsync(survey, policy, visibleSchools, ct);
        var respondents = rows.Count;
        var tooFew = !policy.CanShowFigure(respondents);

        Survey? previous = null;
        List<Row> previousRows = [];
        List<AnswerRow> previousAnswers = [];
        if (survey.PreviousRunId is int previousId)
        {
            previous = await db.Surveys.Include(s => s.Questions).FirstOrDefaultAsync(s => s.Id == previousId, ct);
            if (previous is not null)
            {
                (_, previousRows, previousAnswers) = await LoadAsync(previous, policy, previous.SchoolId is null ? visibleSchools : null, ct);
            }
        }

        var byQuestion = answers.ToLookup(a => a.QuestionId);
        var previousByQuestion = previousAnswers.ToLookup(a => a.QuestionId);
        var unseen = Unseen.Of(rows, visibleSchools, policy);
        var previousUnseen = Unseen.Of(previousRows, previous?.SchoolId is null ? visibleSchools : null, policy);
        var withheld = unseen.GivesAwayAll
            ? $"The trust-wide figures are not shown to you: the schools whose results you cannot see had fewer than {policy.MinimumRespondents} respondents between them, so a trust-wide figure set against your own school's would give their answers away. Your school's figures are in the breakdown by school."
            : null;
        // Comments only for the whole survey, and only for people who may see every school it covers; each question
        // then needs its own ten people who wrote something (see Summarise).
        var commentsAllowed = survey.SchoolId is not null || visibleSchools is null;

        var questions = new List<QuestionResult>();
        var number = 0;
        foreach (var q in survey.Questions)
        {
            number++;
            var mine = byQuestion[q.Id].ToList();
            questions.Add(Summarise(q, number, mine, policy, unseen, commentsAllowed, Earlier(q, previous, previousByQuestion, policy, previousUnseen)));
        }

        var scales = survey.Questions
            .Where(q => q.Kind == QuestionKind.Agreement && q.Scale is not null)
            .GroupBy(q => q.Scale!)
            .Select(g => Scale(g.Key, g.ToList(), rows, byQuestion, policy, unseen, previous, previousByQuestion, previousUnseen))
            .Where(s => s is not null)
            .Select(s => s!)
            .ToList();

        var choices = new List<string>();
        if (survey.SchoolId is null)
        {
            choices.Add("school");
        }
        if (survey.AskYearGroup)
        {
            choices.Add("year-group");
        }
        if (survey.AskStaffRole)
        {
            choices.Add("staff-role");
        }
        Breakdown? breakdown = null;
        // Only the breakdown by school stays when the trust-wide figures are withheld: the others add up to them.
        if (!tooFew && by is not null && choices.Contains(by) && (withheld is null || by == "school"))
        {
            breakdown = await BreakdownAsync(survey, by, rows, byQuestion, policy, visibleSchools, unseen, ct);
        }

        var hideAll = tooFew || withheld is not null;
        return new Results(survey, where, received, respondents, IsOpen(survey), policy, tooFew,
            previous is null ? null : $"{previous.Title} ({Display.Date(previous.OpensOn)})",
            previous is null ? null : previousRows.Count,
            hideAll ? [] : questions, hideAll ? [] : scales, breakdown, choices, tooFew ? null : withheld);
    }

    /// <summary>
    /// For someone who may see only some schools of a trust-wide survey: the responses from the schools they cannot
    /// see. Set against their own school's figure (in the breakdown by school), a trust-wide figure gives away what
    /// those schools answered, so it is shown only when there are none of them or at least the minimum.
    /// </summary>
    private sealed class Unseen(HashSet<long>? ids, SuppressionPolicy policy)
    {
        public static Unseen Of(List<Row> rows, HashSet<int>? visibleSchools, SuppressionPolicy policy) =>
            new(visibleSchools is null ? null : rows.Where(r => r.SchoolId is not int s || !visibleSchools.Contains(s)).Select(r => r.ResponseId).ToHashSet(), policy);

        /// <summary>True when the whole survey's figures would give the unseen respondents away.</summary>
        public bool GivesAwayAll => ids is not null && TooFew(ids.Count);

        /// <summary>True when a trust-wide figure counting these responses would give the unseen ones among them away.</summary>
        public bool GivesAway(IEnumerable<long> counted) => ids is not null && TooFew(counted.Distinct().Count(ids.Contains));

        private bool TooFew(int n) => n > 0 && !policy.CanShowFigure(n);
    }

    private static string UnseenMessage(SuppressionPolicy policy) =>
        $"Not shown to you: the schools whose results you cannot see gave fewer than {policy.MinimumRespondents} answers to this question between them, so the trust-wide figure would give theirs away.";

    private static IEnumerable<long> Valid(IEnumerable<AnswerRow> answers) => answers.Where(a => a.Choice is >= 1 and <= 5).Select(a => a.ResponseId);

    /// <summary>Until it is closed a survey may still take answers: its figures then move only in whole batches.</summary>
    private static bool IsOpen(Survey survey) => survey.Status != SurveyStatus.Closed;

    /// <summary>
    /// The responses and answers the figures may use: every one of a closed survey; while it is open, what
    /// <see cref="OpenSurveyRelease"/> releases (ADR 0072): per question and per cell (the reader's school — the schools
    /// they cannot see pooled as one — by year group by staff role), the first answers in whole batches of the minimum
    /// with the latest held back. Every figure is then a union of whole cells, so no two figures, and no two readings of
    /// one, differ by fewer than the minimum of answers. Respondents (for counts, groups and scales) are released the same way.
    /// </summary>
    private async Task<(int Received, List<Row> Rows, List<AnswerRow> Answers)> LoadAsync(Survey survey, SuppressionPolicy policy, HashSet<int>? visibleSchools, CancellationToken ct)
    {
        var all = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == survey.Id).OrderBy(r => r.Id)
            .Select(r => new Row(r.Id, r.SchoolId, r.YearGroup, r.StaffRole)).ToListAsync(ct);
        var answers = await db.SurveyAnswers.AsNoTracking()
            .Where(a => db.SurveyResponses.Any(r => r.Id == a.ResponseId && r.SurveyId == survey.Id))
            .OrderBy(a => a.ResponseId)
            .Select(a => new AnswerRow(a.ResponseId, a.QuestionId, a.Choice, a.Choices, a.Number, a.Text)).ToListAsync(ct);
        var open = IsOpen(survey);
        var cellOf = all.ToDictionary(r => r.ResponseId, r => (
            School: visibleSchools is null || r.SchoolId is int s && visibleSchools.Contains(s) ? r.SchoolId ?? 0 : -1, r.YearGroup, r.StaffRole));
        List<T> Release<T>(List<T> items, Func<T, long> response)
        {
            var released = OpenSurveyRelease.Released(items.Select(i => cellOf[response(i)]).ToList(), policy.MinimumRespondents, open);
            return items.Where((_, i) => released[i]).ToList();
        }
        var kinds = survey.Questions.ToDictionary(q => q.Id, q => q.Kind);
        var releasedAnswers = new List<AnswerRow>();
        foreach (var question in answers.GroupBy(a => a.QuestionId))
        {
            // Each figure's own answers are what is batched: valid agreement answers apart from "don't know" (both are
            // shown), numbers given, words written; a question skipped by filler cannot move by one answer.
            var parts = kinds.GetValueOrDefault(question.Key) switch
            {
                QuestionKind.Agreement => question.GroupBy(a => a.Choice is >= 1 and <= 5),
                QuestionKind.Number => question.GroupBy(a => a.Number is not null),
                QuestionKind.FreeText => question.GroupBy(a => !string.IsNullOrWhiteSpace(a.Text)),
                _ => question.GroupBy(_ => true),
            };
            foreach (var part in parts)
            {
                releasedAnswers.AddRange(Release(part.ToList(), a => a.ResponseId));
            }
        }
        return (all.Count, Release(all, r => r.ResponseId), releasedAnswers);
    }

    private static ItemResult Agreement(SurveyQuestion q, IEnumerable<AnswerRow> answers)
    {
        var values = answers.Select(a => a.Choice is >= 1 and <= 5 ? a.Choice : null).ToArray();
        return Favourability.Summarise(values, reverseScored: q.ReverseScored);
    }

    /// <summary>The same question in the previous run: by bank code, else by wording.</summary>
    private static SurveyQuestion? Match(SurveyQuestion q, Survey previous) =>
        previous.Questions.FirstOrDefault(p => p.Kind == QuestionKind.Agreement && (q.BankCode is not null ? p.BankCode == q.BankCode : p.Text == q.Text));

    /// <summary>Each respondent's share of favourable answers over the scale's items they answered (reverse-scored where needed).</summary>
    private static List<double> Scores(List<SurveyQuestion> items, ILookup<int, AnswerRow> answers) =>
        items.SelectMany(q => answers[q.Id].Where(a => a.Choice is >= 1 and <= 5).Select(a => (a.ResponseId, Favourable: (q.ReverseScored ? 6 - a.Choice!.Value : a.Choice!.Value) >= 4)))
            .GroupBy(a => a.ResponseId)
            .Select(g => ScaleChange.Score(g.Count(a => a.Favourable), g.Count())!.Value)
            .ToList();

    /// <summary>The previous run's favourable count and N for the same question (by bank code, else by wording).</summary>
    private static ItemResult? Earlier(SurveyQuestion q, Survey? previous, ILookup<int, AnswerRow> previousAnswers, SuppressionPolicy policy, Unseen unseen)
    {
        if (previous is null || q.Kind != QuestionKind.Agreement)
        {
            return null;
        }
        var match = Match(q, previous);
        if (match is null)
        {
            return null;
        }
        var earlier = Agreement(match, previousAnswers[match.Id]);
        return policy.CanShowFigure(earlier.N) && !unseen.GivesAwayAll && !unseen.GivesAway(Valid(previousAnswers[match.Id])) ? earlier : null;
    }

    private static Change? Compare(ItemResult? earlier, ItemResult now) =>
        earlier is null || earlier.N == 0 || now.N == 0
            ? null
            : new Change(earlier.PercentFavourable!.Value, ProportionChange.TwoProportionZTest(earlier.Favourable, earlier.N, now.Favourable, now.N));

    private static QuestionResult Summarise(SurveyQuestion q, int number, List<AnswerRow> answers, SuppressionPolicy policy, Unseen unseen, bool commentsAllowed, ItemResult? earlier)
    {
        var answered = answers.Count;
        var hidden = $"Fewer than {policy.MinimumRespondents} answers: no figures, to keep everyone anonymous.";
        switch (q.Kind)
        {
            case QuestionKind.Agreement:
                var item = Agreement(q, answers);
                return !policy.CanShowFigure(item.N) ? new QuestionResult(q, number, answered, null, null, null, null, null, hidden)
                    : unseen.GivesAway(Valid(answers)) ? new QuestionResult(q, number, answered, null, null, null, null, null, UnseenMessage(policy))
                    : new QuestionResult(q, number, answered, item, Compare(earlier, item), null, null, null, null);
            case QuestionKind.SingleChoice:
            case QuestionKind.MultipleChoice:
                if (!policy.CanShowFigure(answered))
                {
                    return new QuestionResult(q, number, answered, null, null, null, null, null, hidden);
                }
                if (unseen.GivesAway(answers.Select(a => a.ResponseId)))
                {
                    return new QuestionResult(q, number, answered, null, null, null, null, null, UnseenMessage(policy));
                }
                var options = q.OptionList;
                var counts = new int[options.Count];
                foreach (var a in answers)
                {
                    var picked = q.Kind == QuestionKind.SingleChoice
                        ? (a.Choice is int c ? [c] : Array.Empty<int>())
                        : (a.Choices ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse);
                    foreach (var p in picked.Where(p => p >= 1 && p <= counts.Length))
                    {
                        counts[p - 1]++;
                    }
                }
                return new QuestionResult(q, number, answered, null, null, ChoiceCounts(q, options, counts, answered, policy), null, null, null);
            case QuestionKind.Number:
                var values = answers.Where(a => a.Number is not null).Select(a => (double)a.Number!.Value).Order().ToList();
                if (!policy.CanShowFigure(values.Count))
                {
                    return new QuestionResult(q, number, answered, null, null, null, null, null, hidden);
                }
                if (unseen.GivesAway(answers.Where(a => a.Number is not null).Select(a => a.ResponseId)))
                {
                    return new QuestionResult(q, number, answered, null, null, null, null, null, UnseenMessage(policy));
                }
                var median = values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
                return new QuestionResult(q, number, answered, null, null, null, (values.Count, values.Average(), median), null, null);
            default:
                // Counted per question: people who wrote something here, not people who answered the survey.
                var comments = answers.Select(a => a.Text).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).ToList();
                if (!commentsAllowed)
                {
                    return new QuestionResult(q, number, comments.Count, null, null, null, null, null,
                        "Written answers to a survey of several schools are shown only to people who may see every one of them.");
                }
                if (!policy.CanShowFreeText(comments.Count, isBreakdown: false))
                {
                    return new QuestionResult(q, number, comments.Count, null, null, null, null, null,
                        $"Written answers are shown only for the whole survey, once at least {policy.FreeTextMinimum} people have answered this question.");
                }
                // Alphabetical, never in the order they arrived, so a comment cannot be matched to a time.
                return new QuestionResult(q, number, comments.Count, null, null, null, null, comments.Order(StringComparer.OrdinalIgnoreCase).ToList(), null);
        }
    }

    /// <summary>
    /// A choice picked by fewer than the minimum shows neither its count nor its share (a share and the total give the
    /// count back). In a single-choice question the counts add up to the total shown, so one hidden count could be
    /// worked out by subtraction: the groups rule (<see cref="SuppressionPolicy.SuppressPartition"/>) hides another.
    /// Ticks of a multiple-choice question do not add up to anything shown (people tick several), so each stands alone.
    /// </summary>
    private static List<ChoiceCount> ChoiceCounts(SurveyQuestion q, IReadOnlyList<string> options, int[] counts, int answered, SuppressionPolicy policy)
    {
        var reasons = q.Kind == QuestionKind.SingleChoice
            ? policy.SuppressPartition(counts)
            : counts.Select(c => c == 0 ? SuppressionReason.NoRespondents : policy.CanShowFigure(c) ? SuppressionReason.Shown : SuppressionReason.TooFewRespondents).ToArray();
        return options.Select((o, i) => reasons[i] is SuppressionReason.Shown or SuppressionReason.NoRespondents
            ? new ChoiceCount(o, counts[i], 100.0 * counts[i] / answered, reasons[i])
            : new ChoiceCount(o, null, null, reasons[i])).ToList();
    }

    private static ScaleResult? Scale(string name, List<SurveyQuestion> items, List<Row> rows, ILookup<int, AnswerRow> answers, SuppressionPolicy policy, Unseen unseen,
        Survey? previous, ILookup<int, AnswerRow> previousAnswers, Unseen previousUnseen)
    {
        var pooled = Favourability.Pool(items.Select(q => Agreement(q, answers[q.Id])).ToList());
        // The pooled count is of answers (respondents × items): the protection is about people, so count the
        // respondents who gave at least one item of the scale an answer on the scale.
        var respondents = items.SelectMany(q => answers[q.Id]).Where(a => a.Choice is >= 1 and <= 5).Select(a => a.ResponseId).Distinct().Count();
        if (!policy.CanShowFigure(respondents) || unseen.GivesAway(Valid(items.SelectMany(q => answers[q.Id]))))
        {
            return null;
        }
        // One row per respondent, one column per item, reverse-scored, "don't know" and skipped as missing.
        var byResponse = items.Select(q => answers[q.Id].ToDictionary(a => a.ResponseId, a => a.Choice is >= 1 and <= 5 ? (double?)(q.ReverseScored ? 6 - a.Choice.Value : a.Choice.Value) : null)).ToList();
        var matrix = rows.Select(r => (IReadOnlyList<double?>)byResponse.Select(d => d.TryGetValue(r.ResponseId, out var v) ? v : null).ToList()).ToList();
        var alpha = CronbachAlpha.Compute(matrix);
        // The change is tested on one score per respondent (ScaleChange): a person's answers to one scale's items go together.
        var earlierItems = items.Select(q => Earlier(q, previous, previousAnswers, policy, previousUnseen)).ToList();
        Change? change = null;
        if (earlierItems.Count > 0 && earlierItems.All(e => e is not null))
        {
            var matched = items.Select(q => Match(q, previous!)!).ToList();
            var test = ScaleChange.Test(Scores(matched, previousAnswers), Scores(items, answers));
            change = new Change(100 * test.Before, test);
        }
        return new ScaleResult(name, items.Count, pooled, alpha, alpha.Alpha is not null && policy.CanShowFigure(alpha.Respondents), change);
    }

    private async Task<Breakdown> BreakdownAsync(Survey survey, string by, List<Row> rows, ILookup<int, AnswerRow> answers, SuppressionPolicy policy,
        HashSet<int>? visibleSchools, Unseen unseen, CancellationToken ct)
    {
        // Every response belongs to exactly one group ("not stated" included), so the groups partition the total.
        List<(string Label, Func<Row, bool> Member, bool Visible)> groups;
        string title;
        switch (by)
        {
            case "school":
                title = "By school";
                var schools = await db.Schools.Where(s => rows.Select(r => r.SchoolId).Contains(s.Id)).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
                groups = schools.Select(s => (s.Name, (Func<Row, bool>)(r => r.SchoolId == s.Id), visibleSchools is null || visibleSchools.Contains(s.Id))).ToList();
                break;
            case "staff-role":
                title = "By staff role";
                groups = Enum.GetValues<StaffRole>().Select(role => (Display.Sentence(Codes.Of(role)), (Func<Row, bool>)(r => r.StaffRole == role), true)).ToList();
                if (rows.Any(r => r.StaffRole is null))
                {
                    groups.Add(("Not stated", r => r.StaffRole is null, true));
                }
                break;
            default:
                title = "By year group";
                groups = rows.Where(r => r.YearGroup is not null).Select(r => r.YearGroup!.Value).Distinct().Order()
                    .Select(y => (Display.YearGroup(y), (Func<Row, bool>)(r => r.YearGroup == y), true)).ToList();
                if (rows.Any(r => r.YearGroup is null))
                {
                    groups.Add(("Not stated", r => r.YearGroup is null, true));
                }
                break;
        }
        var members = groups.Select(g => rows.Where(g.Member).Select(r => r.ResponseId).ToHashSet()).ToList();
        var groupRespondents = members.Select(m => m.Count).ToArray();
        var respondentReasons = policy.SuppressPartition(groupRespondents);

        var result = new List<BreakdownRow>();
        var number = 0;
        foreach (var q in survey.Questions)
        {
            number++;
            if (q.Kind != QuestionKind.Agreement)
            {
                continue; // choice, number and free-text questions are reported for the whole survey only
            }
            var items = members.Select(m => Agreement(q, answers[q.Id].Where(a => m.Contains(a.ResponseId)))).ToList();
            // A group hidden for its respondent count stays hidden on every question (counted as hidden here, so a
            // second group is hidden only when needed); otherwise the question's own answer counts decide.
            var hiddenByRespondents = respondentReasons.Select(r => r is SuppressionReason.TooFewRespondents or SuppressionReason.Complementary).ToArray();
            var reasons = policy.SuppressPartition(items.Select((i, g) => hiddenByRespondents[g] ? Math.Clamp(i.N, 1, policy.MinimumRespondents - 1) : i.N).ToArray());
            var cells = items.Select((item, g) =>
            {
                var reason = hiddenByRespondents[g] ? respondentReasons[g] : reasons[g];
                return reason == SuppressionReason.Shown ? new Cell(item.PercentFavourable, item.Mean, item.N, reason) : new Cell(null, null, 0, reason);
            }).ToList();
            // Groups other than schools add up to the trust-wide figure: withheld with it (see Unseen).
            var withheld = by != "school" && unseen.GivesAway(Valid(answers[q.Id]));
            if (withheld)
            {
                cells = cells.Select(c => new Cell(null, null, 0, c.Reason)).ToList(); // no figure leaves this class
            }
            result.Add(new BreakdownRow(number, q.Text, cells.Where((_, g) => groups[g].Visible).ToList(), withheld));
        }
        return new Breakdown(title,
            groups.Where(g => g.Visible).Select(g => g.Label).ToList(),
            groups.Select((g, i) => (g, i)).Where(x => x.g.Visible).Select(x => respondentReasons[x.i] is SuppressionReason.Shown or SuppressionReason.NoRespondents ? (int?)groupRespondents[x.i] : null).ToList(),
            result);
    }
}
