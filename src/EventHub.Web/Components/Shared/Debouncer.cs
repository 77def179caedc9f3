namespace EventHub.Web.Components.Shared;

/// <summary>
/// Runs a piece of work once input has been quiet for a while: each <see cref="Run"/> cancels the run still waiting.
/// The work is handed to <c>dispatch</c> (a component's <c>InvokeAsync</c> followed by <c>StateHasChanged</c>) so it runs
/// on the component's renderer; nothing runs after <c>lifetime</c> is cancelled (the page was closed).
/// </summary>
public sealed class Debouncer(Func<Func<Task>, Task> dispatch, CancellationToken lifetime) : IDisposable
{
    private CancellationTokenSource? pending;

    public void Run(TimeSpan quiet, Func<Task> work)
    {
        Cancel();
        var mine = pending = CancellationTokenSource.CreateLinkedTokenSource(lifetime);
        _ = RunLaterAsync(quiet, mine.Token, work);
    }

    /// <summary>Drops the run still waiting, if any.</summary>
    public void Cancel()
    {
        pending?.Cancel();
        pending?.Dispose();
        pending = null;
    }

    public void Dispose() => Cancel();

    private async Task RunLaterAsync(TimeSpan quiet, CancellationToken ct, Func<Task> work)
    {
        try
        {
            await Task.Delay(quiet, ct);
            await dispatch(async () =>
            {
                if (!ct.IsCancellationRequested)
                {
                    await work();
                }
            });
        }
        catch (OperationCanceledException)
        {
            // More typing came: the next run does the work.
        }
        catch (ObjectDisposedException)
        {
            // The page was closed.
        }
    }
}
