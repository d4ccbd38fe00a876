namespace ContactOS.Runtime.Activation;

internal enum ActivationStatus
{
    /// <summary>The grain object is being created, its state read and <see cref="Grain.OnActivateAsync"/> run; calls wait.</summary>
    Activating,

    /// <summary>Serving calls.</summary>
    Valid,

    /// <summary><see cref="Grain.OnDeactivateAsync"/> is running; calls that arrive now go to the next activation.</summary>
    Deactivating,

    /// <summary>Gone from the directory; a reference holding it looks the grain up again.</summary>
    Invalid,
}
