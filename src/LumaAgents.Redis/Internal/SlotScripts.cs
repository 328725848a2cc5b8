namespace LumaAgents.Redis;

/// <summary>The one slot operation both kinds of slot share: turning a reservation into the job's lease.</summary>
internal static class SlotScripts
{
    public static async Task BindAsync(AccountCoordinator owner, string token, string generationId)
    {
        var keys = owner.Keys;
        var bound = await owner.EvaluateAsync(Scripts.Bind, [keys.Jobs, keys.Slots, keys.Born], [
            owner.Clock(), token, generationId, AccountCoordinator.Ms(owner.Settings.JobLeaseTimeout), AccountCoordinator.Ms(AccountCoordinator.JobLife),
        ]).ConfigureAwait(false);
        if (bound is not null)
        {
            owner.Track(generationId, owner.Time.GetTimestamp());
        }
    }
}
