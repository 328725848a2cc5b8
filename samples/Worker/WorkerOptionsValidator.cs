using Microsoft.Extensions.Options;

namespace LumaAgents.Samples.Worker;

/// <summary>Checks the worker's settings when the host starts, with messages that say what to change.</summary>
public sealed class WorkerOptionsValidator : IValidateOptions<WorkerOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.PromptsFile is { } file && !File.Exists(file))
        {
            failures.Add($"Worker:PromptsFile: the prompts file \"{file}\" was not found (looked for {Path.GetFullPath(file)}). "
                + "Give a text file with one prompt per line, or leave Worker:PromptsFile out to use the built-in prompts.");
        }

        if (options.MaxParallel < 1)
        {
            failures.Add($"Worker:MaxParallel: {options.MaxParallel} is not a count of jobs; use 1 or more (at most your account's concurrent-jobs limit).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
