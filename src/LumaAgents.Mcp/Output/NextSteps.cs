namespace LumaAgents.Mcp.Output;

/// <summary>What an agent should do next, in words, for each situation a result can leave it in.</summary>
internal static class NextSteps
{
    public static string For(Generation generation) => generation switch
    {
        { IsCompleted: true } => $"Completed. Call download_outputs with generation_id \"{generation.Id}\" to save the files (the output URLs expire one hour after this read).",
        { IsFailed: true } => "Failed. " + ToolErrors.ResubmitAdvice(new GenerationFailedException(generation)),
        _ => StillRunning(generation.Id, generation),
    };

    public static string StillRunning(string id, Generation? known)
        => $"Still running ({known?.State.Value ?? "state unknown"}). Call wait_for_generation with generation_id \"{id}\" {TypicalDuration(known)}; "
           + "the job keeps running on the server whether or not anyone waits.";

    public static string TypicalDuration(Generation? known)
    {
        if (known is not null && (known.Type.IsVideo || known.Model == GenerationModel.Ray32))
        {
            return "(video usually takes 1 to 10 minutes)";
        }

        return known?.Model == GenerationModel.Uni1Max
            ? "(uni-1-max images usually take 30 s to 2 minutes)"
            : "(images usually take 15 to 60 s)";
    }
}
