using System.Diagnostics;
using Stepwise.Analytics.Comparators;
using Stepwise.Data;

namespace Stepwise.Features.Benchmarking;

/// <summary>The comparator sets of every school of one phase, for one set of weights, in the pool's order.</summary>
public sealed record PhaseSets(string Phase, ComparatorWeights Weights, IReadOnlyList<PoolSchool> Schools, ComparatorSet[] Sets, TimeSpan Took);

/// <summary>
/// Comparator sets held in memory (a singleton). The pool of schools is loaded once per version of the reference
/// data — the id of the latest register, census or demo import — and a phase's sets are computed all at once the
/// first time any school of the phase is asked for, once per set of weights. A new import changes the version, so
/// the next request reloads and recomputes; nothing stale is ever served.
/// </summary>
public sealed class ComparatorCache(IServiceScopeFactory scopes, ILogger<ComparatorCache> log)
{
    /// <summary>How many (phase, weights) results are kept; trusts with their own weights each add some.</summary>
    private const int MaxPhaseSets = 16;

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Phase, ComparatorWeights Weights), Task<PhaseSets>> _sets = [];
    private readonly LinkedList<(string Phase, ComparatorWeights Weights)> _order = new();
    private Task<ComparatorPool>? _pool;
    private int _poolVersion = -1;

    /// <summary>The pool for the current reference data, loading it if the data has changed.</summary>
    public async Task<ComparatorPool> PoolAsync(AppDbContext db, CancellationToken ct)
    {
        var version = await ComparatorPool.CurrentVersionAsync(db, ct);
        if (db.Database.CurrentTransaction is not null)
        {
            // Inside a write not yet committed (the demo's load rates its schools): read the pool through that write and
            // never cache it. A pool loaded on another connection would miss the write's rows yet be kept under its version.
            return await ComparatorPool.LoadAsync(db, version, ct);
        }
        Task<ComparatorPool> task;
        lock (_gate)
        {
            if (_pool is null || _poolVersion != version || _pool.IsFaulted || _pool.IsCanceled)
            {
                _poolVersion = version;
                _pool = LoadPoolAsync(version);
                _sets.Clear();
                _order.Clear();
            }
            task = _pool;
        }
        return await task.WaitAsync(ct);
    }

    /// <summary>The sets of a phase of <paramref name="pool"/> with these weights, computed on first use.</summary>
    public async Task<PhaseSets> SetsAsync(ComparatorPool pool, string phase, ComparatorWeights weights, CancellationToken ct)
    {
        var key = (phase, weights);
        Task<PhaseSets> task;
        lock (_gate)
        {
            if (_poolVersion != pool.Version)
            {
                // Another request has already moved to newer data: compute for this one without caching.
                task = Task.Run(() => Compute(pool, phase, weights), CancellationToken.None);
            }
            else if (!_sets.TryGetValue(key, out task!) || task.IsFaulted)
            {
                task = Task.Run(() => Compute(pool, phase, weights), CancellationToken.None);
                _sets[key] = task;
                _order.Remove(key);
                _order.AddLast(key);
                while (_order.Count > MaxPhaseSets)
                {
                    _sets.Remove(_order.First!.Value);
                    _order.RemoveFirst();
                }
            }
        }
        return await task.WaitAsync(ct);
    }

    /// <summary>Options for a phase: special schools use the DfE special-school method whatever the trust's weights.</summary>
    public static ComparatorOptions OptionsFor(string phase, ComparatorWeights weights) =>
        phase == BenchmarkPhase.Special ? ComparatorOptions.Special : new ComparatorOptions { Weights = weights };

    private PhaseSets Compute(ComparatorPool pool, string phase, ComparatorWeights weights)
    {
        var schools = pool.Phases[phase];
        var watch = Stopwatch.StartNew();
        var sets = ComparatorSets.BuildAll(ComparatorPool.Inputs(schools), OptionsFor(phase, weights));
        watch.Stop();
        log.LogInformation("Comparator sets for {Count} {Phase} schools computed in {Milliseconds} ms (reference data version {Version})",
            schools.Count, phase, watch.ElapsedMilliseconds, pool.Version);
        return new PhaseSets(phase, weights, schools, sets, watch.Elapsed);
    }

    private async Task<ComparatorPool> LoadPoolAsync(int version)
    {
        // Its own scope and no request's cancellation: other requests may be waiting for the same load.
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("comparator sets");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await ComparatorPool.LoadAsync(db, version, CancellationToken.None);
    }
}
