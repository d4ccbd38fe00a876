namespace ContactOS.Runtime;

/// <summary>
/// A grain addressed by a string key. Every interface deriving from this one gets a generated reference
/// type; its methods must return <see cref="Task"/>, <see cref="Task{TResult}"/>, <see cref="ValueTask"/> or
/// <see cref="ValueTask{TResult}"/>.
/// </summary>
public interface IGrainWithStringKey : IGrain;
