namespace LumaAgents.Tests.Validation;

/// <summary>Validation messages end cleanly and name the JSON path once (issue 18).</summary>
public sealed class ValidationMessageTests
{
    [Theory]
    [MemberData(nameof(RequestValidationTests.InvalidRequests), MemberType = typeof(RequestValidationTests))]
    public void Every_problem_reads_path_colon_message_once_with_one_final_period(string name, GenerationRequest request, string path)
    {
        var errors = request.Validate();
        var error = new LumaValidationException(errors);

        Assert.Contains(errors, e => e.Path == path);
        foreach (var problem in errors)
        {
            var lastSegment = problem.Path.Split('.', '[')[^1];
            Assert.False(problem.Message.StartsWith(problem.Path, StringComparison.Ordinal), $"{name}: '{problem}' repeats its path");
            Assert.False(problem.Message.StartsWith(lastSegment + " ", StringComparison.Ordinal), $"{name}: '{problem}' repeats its path");
            Assert.False(problem.Message.EndsWith(".", StringComparison.Ordinal), $"{name}: '{problem}' ends with its own period");
            Assert.Contains(problem.Path + ": " + problem.Message, error.Message);
        }

        Assert.EndsWith(".", error.Message);
        Assert.DoesNotContain("..", error.Message);
        Assert.DoesNotContain(".;", error.Message);
        Assert.DoesNotContain("(Parameter", error.Message);
    }

    [Fact]
    public void A_problem_given_with_its_own_period_is_not_doubled()
    {
        var error = new LumaValidationException([new("prompt", "is required."), new("user_id", "is too long.")]);

        Assert.Equal("The request has 2 problems: prompt: is required; user_id: is too long.", error.Message);
    }

    [Fact]
    public void Video_options_on_an_image_model_say_so_without_repeating_the_path()
    {
        var problem = Assert.Single((GenerationRequest.CreateImage("x") with { Video = new VideoOptions() }).Validate());

        Assert.Equal("video: needs model ray-3.2 (video options are for videos), but the model is uni-1", problem.ToString());
    }
}
