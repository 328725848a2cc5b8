using Microsoft.Extensions.Options;

namespace LumaAgents;

/// <summary>Checks a registered client's options when the host starts, naming the setting to fix.</summary>
internal sealed class LumaClientOptionsValidator : IValidateOptions<LumaClientOptions>
{
    private readonly string _name;
    private readonly string _settingsPath;

    public LumaClientOptionsValidator(string name, string settingsPath)
    {
        _name = name;
        _settingsPath = settingsPath;
    }

    public ValidateOptionsResult Validate(string? name, LumaClientOptions options)
    {
        if (!string.Equals(name, _name, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey)
            && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(LumaClientOptions.ApiKeyEnvironmentVariable)))
        {
            return ValidateOptionsResult.Fail(
                $"No Luma API key for the client '{_name}': set the configuration value '{_settingsPath}:ApiKey' "
                + $"or the {LumaClientOptions.ApiKeyEnvironmentVariable} environment variable.");
        }

        try
        {
            LumaClientSettings.Resolve(options, Environment.GetEnvironmentVariable);
            return ValidateOptionsResult.Success;
        }
        catch (LumaConfigurationException ex)
        {
            return ValidateOptionsResult.Fail($"The Luma client '{_name}' (settings '{_settingsPath}') is misconfigured: {ex.Message}");
        }
    }
}
