using LumaAgents.Mcp.Output;

namespace LumaAgents.Mcp.Tests;

/// <summary>What luma-mcp tells an agent about resubmitting a failed generation (issue 18).</summary>
public sealed class ResubmitAdviceTests
{
    private static GenerationFailedException Failed(string code)
        => new(new Generation { Id = "g1", State = GenerationState.Failed, FailureCode = new FailureCode(code), FailureReason = "why" });

    [Fact]
    public void A_code_the_SDK_does_not_know_gets_no_claim_either_way()
    {
        var advice = ToolErrors.ResubmitAdvice(Failed("server_error"));

        Assert.Contains("'server_error' is not one luma-mcp knows", advice);
        Assert.DoesNotContain("will not help", advice);
        Assert.DoesNotContain("may succeed", advice);
    }

    [Fact]
    public void A_known_code_gets_the_SDK_advice_and_a_retryable_one_says_it_bills_again()
    {
        Assert.Equal("Submitting the request again may succeed. It would be a new, billed job.", ToolErrors.ResubmitAdvice(Failed("generation_failed")));
        Assert.Equal("Add funds to the account before submitting again.", ToolErrors.ResubmitAdvice(Failed("budget_exhausted")));
    }
}
