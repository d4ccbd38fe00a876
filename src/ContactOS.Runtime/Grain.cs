using ContactOS.Runtime.Activation;
using ContactOS.Runtime.Timers;

namespace ContactOS.Runtime;

/// <summary>
/// Base class of grain implementations. The runtime creates the object (constructor injection works), then
/// runs <see cref="OnActivateAsync"/> before the first call; calls run one at a time unless the class or
/// method opts into interleaving. Grain code reads time from <see cref="TimeProvider"/>, never from the clock.
/// </summary>
public abstract class Grain
{
    private ActivationData? _activation;

    /// <summary>The grain's identity.</summary>
    public GrainId GrainId => Activation.GrainId;

    /// <summary>References to other grains.</summary>
    protected IGrainFactory GrainFactory => Activation.Runtime;

    /// <summary>The silo's clock; a fake one in tests.</summary>
    protected TimeProvider TimeProvider => Activation.Runtime.TimeProvider;

    private protected ActivationData Activation => _activation
        ?? throw new InvalidOperationException("This grain object was not created by the runtime; reach grains through IGrainFactory.");

    public string GetPrimaryKeyString() => GrainId.Key;

    /// <summary>Runs once per activation, after state is loaded and before the first call.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Runs when the activation is collected, asks to be deactivated, or the silo shuts down gracefully; the
    /// place to persist what must survive. Never runs after a crash: durability must not depend on it.
    /// </summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation once the current call completes; the next call creates a new one.</summary>
    protected void DeactivateOnIdle() => _ = Activation.RequestDeactivation(DeactivationReason.Requested);

    /// <summary>
    /// Creates a timer owned by this activation. Its ticks run as turns of the grain (not interleaved with
    /// calls unless <see cref="GrainTimerCreationOptions.Interleave"/>), do not keep the activation alive
    /// unless <see cref="GrainTimerCreationOptions.KeepAlive"/>, and stop when the activation goes away.
    /// </summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(options);
        return new GrainTimer(Activation, callback, options);
    }

    /// <summary>
    /// Registers or updates a durable reminder: it survives deactivation and restarts, and re-activates the
    /// grain to deliver <see cref="IRemindable.ReceiveReminder"/>. The period must be at least the silo's
    /// minimum reminder period (one minute by default).
    /// </summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period)
        => Activation.Runtime.Reminders.RegisterOrUpdateAsync(Activation, reminderName, dueTime, period, CancellationToken.None);

    protected Task UnregisterReminder(IGrainReminder reminder)
        => Activation.Runtime.Reminders.UnregisterAsync(GrainId, reminder, CancellationToken.None);

    protected Task<IGrainReminder?> GetReminder(string reminderName)
        => Activation.Runtime.Reminders.GetAsync(GrainId, reminderName, CancellationToken.None);

    internal void Attach(ActivationData activation) => _activation = activation;

    internal virtual Task ActivateCoreAsync(CancellationToken cancellationToken) => OnActivateAsync(cancellationToken);
}
