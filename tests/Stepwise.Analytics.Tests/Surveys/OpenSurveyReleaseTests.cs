using Stepwise.Analytics.Surveys;

namespace Stepwise.Analytics.Tests.Surveys;

/// <summary>
/// What a reader of an open survey can work out by subtracting one figure from another — between readings, between
/// the whole survey and its breakdowns, between a trust-wide figure and one school's — never rests on fewer answers
/// than the minimum (ADR 0072).
/// </summary>
public class OpenSurveyReleaseTests
{
    private sealed record Response(long Id, int School, int? Year, int? Role, bool[] Answered);

    /// <summary>A figure someone is shown: the answers it rests on, and which reading and cut of the survey it is.</summary>
    private sealed record Figure(int Reading, bool Closed, string Cut, int Question, HashSet<long> Answers);

    [Fact]
    public void Issue_17_defect_6_a_filler_response_that_skips_a_question_does_not_move_that_question_by_one_answer()
    {
        // 16 real answers to question 2 arrive with everyone; then four filler responses skip it and one real
        // respondent answers it: the response count rises by five, question 2's answers by one.
        var cells = Enumerable.Repeat(0, 17).ToArray();
        var before = OpenSurveyRelease.Released(cells[..16], 5, open: true).Count(r => r);
        var after = OpenSurveyRelease.Released(cells, 5, open: true).Count(r => r);
        Assert.Equal(10, before);
        Assert.Equal(10, after); // question 2's own answers are batched: 16 -> 17 moves nothing
        Assert.Equal(15, OpenSurveyRelease.Released(Enumerable.Repeat(0, 20).ToArray(), 5, open: true).Count(r => r));
    }

    [Fact]
    public void Each_cell_releases_its_own_first_answers_in_whole_batches_and_a_closed_survey_releases_all()
    {
        int[] cells = [1, 2, 1, 1, 1, 2, 1, 1, 1, 1, 1, 2];
        Assert.Equal([true, false, true, true, true, false, true, true, false, false, false, false], OpenSurveyRelease.Released(cells, 3, open: true));
        Assert.All(OpenSurveyRelease.Released(cells, 3, open: false), Assert.True);
    }

    /// <summary>
    /// Issue 17 defect 6: surveys of random shape (one school or three, year groups and staff roles asked or not),
    /// responses that skip questions at random (filler included), readings taken at random moments while open and once
    /// closed, by a trust leader and by a school leader who may see one school only. For every two figures of the same
    /// question shown to one reader — two readings, the whole survey and a breakdown, two overlapping breakdowns, a
    /// trust-wide figure and one school's — the answers in one and not the other (what subtracting them isolates) are
    /// none or at least the minimum. Only two figures both from the closed survey are left out: those keep the rules
    /// of ADR 0031 and 0061, which this does not model.
    /// </summary>
    [Fact]
    public void Issue_17_defect_6_no_difference_between_two_shown_figures_rests_on_fewer_answers_than_the_minimum()
    {
        var random = new Random(17_06);
        var checkedPairs = 0;
        for (var run = 0; run < 400; run++)
        {
            var minimum = random.GetItems([3, 5, 7], 1)[0];
            var schools = random.Next(2) == 0 ? 1 : 3;
            var askYear = random.Next(2) == 0;
            var askRole = random.Next(2) == 0;
            const int questions = 4; // question 0 is answered by everyone (it stands for the count of respondents)
            var skip = random.NextDouble() * 0.7;
            var count = random.Next(0, 90);
            var responses = new List<Response>();
            for (var i = 0; i < count; i++)
            {
                var filler = random.NextDouble() < 0.3; // filler answers one question and skips the rest
                var only = random.Next(1, questions);
                responses.Add(new Response(i + 1, random.Next(schools), askYear && random.Next(5) > 0 ? random.Next(7, 10) : null,
                    askRole && random.Next(5) > 0 ? random.Next(2) : null,
                    Enumerable.Range(0, questions).Select(q => q == 0 || (filler ? q == only : random.NextDouble() >= skip)).ToArray()));
            }
            var moments = Enumerable.Range(0, random.Next(1, 12)).Select(_ => random.Next(0, count + 1)).Order().Distinct().ToList();
            foreach (var visible in schools == 1 ? new int?[] { null } : [null, 0])
            {
                var figures = new List<Figure>();
                for (var r = 0; r < moments.Count; r++)
                {
                    figures.AddRange(Reading(responses.Take(moments[r]).ToList(), r, closed: false, minimum, schools, visible, questions));
                }
                figures.AddRange(Reading(responses, moments.Count, closed: true, minimum, schools, visible, questions));
                for (var a = 0; a < figures.Count; a++)
                {
                    Assert.True(figures[a].Answers.Count >= minimum, $"run {run}: {figures[a]} shown from fewer than {minimum}");
                    for (var b = a + 1; b < figures.Count; b++)
                    {
                        var (x, y) = (figures[a], figures[b]);
                        if (x.Question != y.Question || (x.Closed && y.Closed))
                        {
                            continue;
                        }
                        checkedPairs++;
                        var onlyX = x.Answers.Count(id => !y.Answers.Contains(id));
                        var onlyY = y.Answers.Count(id => !x.Answers.Contains(id));
                        Assert.True(onlyX == 0 || onlyX >= minimum, $"run {run} (m = {minimum}): {x.Cut} at reading {x.Reading} less {y.Cut} at reading {y.Reading} isolates {onlyX} answers");
                        Assert.True(onlyY == 0 || onlyY >= minimum, $"run {run} (m = {minimum}): {y.Cut} at reading {y.Reading} less {x.Cut} at reading {x.Reading} isolates {onlyY} answers");
                    }
                }
            }
        }
        Assert.True(checkedPairs > 10_000, $"only {checkedPairs} pairs compared");
    }

    /// <summary>
    /// The figures one reading shows, per question: the whole survey, each year group, each staff role and each school
    /// the reader may see, with groups hidden by <see cref="SuppressionPolicy.SuppressPartition"/>. Open: what
    /// <see cref="OpenSurveyRelease"/> releases, cut by the reader's cells (schools they cannot see pooled as one).
    /// Closed: every answer, and for a school leader the trust-wide figure only when the other schools gave none or at
    /// least the minimum.
    /// </summary>
    private static IEnumerable<Figure> Reading(List<Response> responses, int reading, bool closed, int minimum, int schools, int? visible, int questions)
    {
        var policy = new SuppressionPolicy(minimum, Math.Max(10, minimum));
        for (var q = 0; q < questions; q++)
        {
            var answering = responses.Where(r => r.Answered[q]).ToList();
            var released = OpenSurveyRelease.Released(answering.Select(r => (visible is null || r.School == visible ? r.School : -1, r.Year, r.Role)).ToList(), minimum, !closed);
            var shown = answering.Where((_, i) => released[i]).ToList();
            var unseen = shown.Count(r => visible is not null && r.School != visible);
            if (shown.Count >= minimum && (!closed || unseen == 0 || unseen >= minimum))
            {
                yield return new Figure(reading, closed, "whole", q, shown.Select(r => r.Id).ToHashSet());
            }
            foreach (var (cut, key) in new (string, Func<Response, int?>)[] { ("year", r => r.Year), ("role", r => r.Role), ("school", r => r.School) })
            {
                var groups = shown.GroupBy(key).Where(g => cut != "school" || visible is null || g.Key == visible).ToList();
                if (cut == "school" && schools == 1)
                {
                    continue;
                }
                // Groups are hidden as the results page hides them, open or closed (ADR 0031); open, every group
                // is a union of released cells, so none is below the minimum and none is hidden.
                var reasons = policy.SuppressPartition(shown.GroupBy(key).Select(g => g.Count()).ToArray());
                var all = shown.GroupBy(key).Select(g => g.Key).ToList();
                foreach (var g in groups)
                {
                    var hidden = reasons[all.IndexOf(g.Key)] != SuppressionReason.Shown;
                    if (!hidden)
                    {
                        yield return new Figure(reading, closed, $"{cut} {g.Key?.ToString() ?? "not stated"}", q, g.Select(r => r.Id).ToHashSet());
                    }
                }
            }
        }
    }
}
