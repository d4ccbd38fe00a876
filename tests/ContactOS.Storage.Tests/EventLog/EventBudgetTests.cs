using ContactOS.Storage.EventLog;

namespace ContactOS.Storage.Tests.EventLog;

public sealed class EventBudgetTests
{
    [Fact]
    public async Task TakeAsync_BudgetSpent_WaitsUntilEnoughIsReturned()
    {
        var budget = new EventBudget(10);
        await budget.TakeAsync(8, CancellationToken.None);

        var waiting = budget.TakeAsync(5, CancellationToken.None);
        budget.Return(2);
        var stillWaiting = waiting.IsCompleted;
        budget.Return(1);
        await waiting;

        Assert.False(stillWaiting);
    }

    [Fact]
    public async Task TakeAsync_SmallRequestBehindAWaitingLargeOne_WaitsItsTurn()
    {
        var budget = new EventBudget(10);
        await budget.TakeAsync(6, CancellationToken.None);

        var large = budget.TakeAsync(10, CancellationToken.None);
        var small = budget.TakeAsync(1, CancellationToken.None);
        var smallJumpedTheQueue = small.IsCompleted;
        budget.Return(6);
        await large;
        var smallWhileLargeHoldsAll = small.IsCompleted;
        budget.Return(10);
        await small;

        Assert.False(smallJumpedTheQueue);
        Assert.False(smallWhileLargeHoldsAll);
    }

    [Fact]
    public async Task TakeAsync_WaiterCancelled_ThrowsAndLetsThoseBehindItThrough()
    {
        var budget = new EventBudget(10);
        await budget.TakeAsync(5, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var large = budget.TakeAsync(10, cancel.Token);
        var small = budget.TakeAsync(5, CancellationToken.None);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => large);
        await small;
    }

    [Fact]
    public void ShareOf_BatchLargerThanTheBudget_TakesTheWholeBudget()
    {
        var budget = new EventBudget(10);

        Assert.Equal(3, budget.ShareOf(3));
        Assert.Equal(10, budget.ShareOf(50_000));
    }
}
