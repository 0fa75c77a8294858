using Microsoft.EntityFrameworkCore;
using Stepwise.Data;

namespace Stepwise.Features.Surveys;

/// <summary>
/// On PostgreSQL every row version carries the id of the transaction that wrote it (<c>xmin</c>), and ids are handed
/// out in order. Claiming a code and storing the response it lets in happen together, so the code's xmin sits next to
/// the response's: a database reader could pair them and learn each response's class group. After every use this
/// rewrites all the survey's used codes in one statement, so they all carry one new xmin that belongs to no response
/// and says nothing about the order they were used in (ADR 0060). The claim and the response stay in one transaction,
/// so nothing can be lost between them. Uses that arrive while a rewrite is waiting share it, so a burst of answers
/// costs one rewrite per batch, not one per answer. SQLite keeps no transaction ids in rows and needs none of this.
/// </summary>
public sealed class UsedCodesRewrite(IServiceScopeFactory scopes, ILogger<UsedCodesRewrite> log)
{
    /// <summary>First key of the advisory lock that keeps two app instances from rewriting one survey at once.</summary>
    private const int LockClass = 0x53_57_43; // "SWC"

    private readonly Dictionary<int, Lane> _lanes = [];

    private sealed class Lane
    {
        /// <summary>The latest rewrite begun or queued; the next one waits for it.</summary>
        public Task Latest = Task.CompletedTask;

        /// <summary>A rewrite that has not started yet: a use committed now is covered by it.</summary>
        public TaskCompletionSource? Waiting;
    }

    /// <summary>
    /// Returns once a rewrite that started after this call has finished (so after the caller's commit). Never throws:
    /// the answers are already stored, so a failed rewrite is logged and left to the next use or to closing the survey.
    /// </summary>
    public Task AfterUseAsync(int trustId, int surveyId)
    {
        TaskCompletionSource mine;
        Task before;
        lock (_lanes)
        {
            if (!_lanes.TryGetValue(surveyId, out var lane))
            {
                _lanes[surveyId] = lane = new Lane();
            }
            if (lane.Waiting is { } waiting)
            {
                return waiting.Task;
            }
            mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (before, lane.Latest, lane.Waiting) = (lane.Latest, mine.Task, mine);
        }
        _ = RunAsync(trustId, surveyId, before, mine);
        return mine.Task;
    }

    private async Task RunAsync(int trustId, int surveyId, Task before, TaskCompletionSource mine)
    {
        await before; // never faults: every rewrite completes its task normally
        lock (_lanes)
        {
            _lanes[surveyId].Waiting = null; // from here on, a new use needs the next rewrite
        }
        try
        {
            await RewriteAsync(trustId, surveyId, CancellationToken.None);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Could not rewrite the used codes of survey {SurveyId}; the next answer or closing the survey will", surveyId);
        }
        finally
        {
            lock (_lanes)
            {
                if (_lanes.TryGetValue(surveyId, out var lane) && lane.Latest == mine.Task)
                {
                    _lanes.Remove(surveyId);
                }
            }
            mine.SetResult();
        }
    }

    /// <summary>Rewrites every used code of the survey now, in one transaction (also when a survey is closed).</summary>
    public async Task RewriteAsync(int trustId, int surveyId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
        {
            return;
        }
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystemInTrust(trustId, "survey codes");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0}, {1})", [LockClass, surveyId], ct);
        // Setting Used to what it already is still writes a new version of each row, stamped with this transaction.
        await db.SurveyCodes.Where(c => c.SurveyId == surveyId && c.Used).ExecuteUpdateAsync(c => c.SetProperty(x => x.Used, true), ct);
        await transaction.CommitAsync(ct);
    }
}
