namespace LumaAgents.Tests.Errors;

/// <summary>
/// The words of <see cref="GenerationFailedException"/> (issue 18): one clean sentence per part, advice only where the
/// SDK knows what a resubmission does, and <see cref="GenerationFailedException.IsRetryable"/> honest about it.
/// </summary>
public sealed class GenerationFailedMessageTests
{
    private static GenerationFailedException Failed(FailureCode? code, string? reason)
        => new(new Generation { Id = "g1", State = GenerationState.Failed, FailureCode = code, FailureReason = reason });

    [Fact]
    public void A_reason_ending_in_a_period_gets_no_second_one_and_the_advice_does_not_contradict_it()
    {
        var error = Failed(FailureCode.ContentModerated, "The request was blocked by content moderation. Please revise the prompt or input media and try again.");

        Assert.Equal(
            "Generation g1 failed (content_moderated): The request was blocked by content moderation. Please revise the prompt or input media and try again. "
            + "Change the prompt or the input media before submitting again; the same request will be refused again.",
            error.Message);
        Assert.DoesNotContain("..", error.Message);
        Assert.False(error.IsRetryable);
    }

    [Fact]
    public void A_retryable_code_says_a_resubmission_may_succeed()
    {
        var error = Failed(FailureCode.GenerationFailed, "The generation failed due to an internal error. Please try again.");

        Assert.Equal(
            "Generation g1 failed (generation_failed): The generation failed due to an internal error. Please try again. Submitting the request again may succeed.",
            error.Message);
        Assert.True(error.IsRetryable);
    }

    [Fact]
    public void A_reason_without_closing_punctuation_gets_a_period()
    {
        Assert.Equal(
            "Generation g1 failed (budget_exhausted): balance ran out. Add funds to the account before submitting again.",
            Failed(FailureCode.BudgetExhausted, "balance ran out").Message);
        Assert.Equal(
            "Generation g1 failed (rate_limited): Throttled upstream! Submitting the request again after a pause will likely succeed.",
            Failed(FailureCode.RateLimited, "  Throttled upstream!  ").Message);
    }

    [Fact]
    public void An_unknown_code_gets_no_advice_and_is_not_claimed_retryable()
    {
        var error = Failed("server_error", "Something broke.");

        Assert.Equal("Generation g1 failed (server_error): Something broke.", error.Message);
        Assert.False(error.IsRetryable);
        Assert.False(error.FailureCode!.Value.IsKnown);
    }

    [Fact]
    public void No_code_and_no_reason_read_as_one_short_sentence()
    {
        Assert.Equal("Generation g1 failed (no failure code given).", Failed(null, null).Message);
        Assert.Equal("Generation g1 failed (no failure code given).", Failed(default(FailureCode), "  ").Message);
    }

    [Fact]
    public void Every_known_code_has_advice_that_agrees_with_is_retryable()
    {
        foreach (var code in FailureCode.KnownValues)
        {
            var error = Failed(code, "why");

            Assert.StartsWith($"Generation g1 failed ({code.Value}): why. ", error.Message);
            Assert.EndsWith(".", error.Message);
            Assert.DoesNotContain("..", error.Message);
            Assert.Equal(error.IsRetryable, error.Message.Contains("may succeed") || error.Message.Contains("will likely succeed"));
            Assert.Equal(!error.IsRetryable, error.Message.Contains("before submitting again"));
        }
    }

    [Fact]
    public void Advice_is_the_sentence_the_message_ends_with_and_null_for_a_code_the_SDK_does_not_know()
    {
        var known = Failed(FailureCode.BudgetExhausted, "why");
        var unknown = Failed(new FailureCode("server_error"), "why");

        Assert.Equal("Add funds to the account before submitting again.", known.Advice);
        Assert.EndsWith(" " + known.Advice, known.Message);
        Assert.Null(unknown.Advice);
        Assert.Equal("Generation g1 failed (server_error): why.", unknown.Message);
        Assert.False(unknown.IsRetryable);
    }
}
