using Stepwise.Data;

namespace Stepwise.Features.Demo;

/// <summary>
/// `serve --demo` answers at once and loads the demo behind it: this is how far the load has got, for the page
/// header ("Loading the demo: 40 %") and the console. Nothing is visible to anyone until the load commits.
/// </summary>
public sealed class DemoLoading(IServiceScopeFactory scopes, ILogger<DemoLoading> logger)
{
    public sealed record State(int Percent, string Step, bool Done, string? Problem);

    private volatile State? _state;

    /// <summary>Null when no demo load was started by this process; otherwise where it is.</summary>
    public State? Current => _state;

    /// <summary>True while the demo is loading: its accounts cannot sign in yet.</summary>
    public bool InProgress => _state is { Done: false };

    /// <summary>Starts the load in the background; <paramref name="loaded"/> is told the outcome when it commits.</summary>
    public Task StartAsync(Action<LoadDemoTrust.Result, LoadDemoNationalData.Result> loaded, CancellationToken stopping)
    {
        _state = new State(0, "starting", false, null);
        return Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("demo loader");
                var progress = new Progress(this);
                var trust = await scope.ServiceProvider.GetRequiredService<LoadDemoTrust>().HandleAsync(stopping, progress);
                progress.Report(new LoadDemoTrust.Step(LoadDemoTrust.Steps - 1, "England's national figures (the demo accounts can sign in now)"));
                var national = await scope.ServiceProvider.GetRequiredService<LoadDemoNationalData>().HandleAsync(stopping);
                _state = new State(100, "loaded", true, null);
                loaded(trust, national);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                _state = new State(_state?.Percent ?? 0, "stopped", true, "The server stopped before the demo finished loading; start it again to load it.");
            }
            catch (Exception error)
            {
                logger.LogError(error, "The demo could not be loaded");
                _state = new State(_state?.Percent ?? 0, "failed", true, $"The demo could not be loaded: {error.GetBaseException().Message}");
            }
        }, CancellationToken.None);
    }

    private sealed class Progress(DemoLoading loading) : IProgress<LoadDemoTrust.Step>
    {
        public void Report(LoadDemoTrust.Step value) =>
            loading._state = new State(100 * value.Done / LoadDemoTrust.Steps, value.What, false, null);
    }
}
