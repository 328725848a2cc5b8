namespace LumaAgents.Redis;

/// <summary>Counts Redis calls on the wire, so tests in virtual time advance the clock only while none is.</summary>
internal sealed class InFlight
{
    private int _count;

    public bool IsBusy => Volatile.Read(ref _count) > 0;

    public void Enter() => Interlocked.Increment(ref _count);

    public void Exit() => Interlocked.Decrement(ref _count);
}
