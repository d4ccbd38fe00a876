namespace ContactOS.Runtime.Persistence;

/// <summary>Turns grain state into the bytes the store keeps, and back.</summary>
public interface IGrainStateSerializer
{
    byte[] Serialize<T>(T state);

    T Deserialize<T>(ReadOnlySpan<byte> payload);
}
