using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using LumaAgents.Cli.Errors;
using LumaAgents.Cli.Input;
using LumaAgents.Serialization;

namespace LumaAgents.Cli.Commands;

/// <summary>
/// <c>luma files upload|create|complete|get|list|delete</c>: the Files API (upload once, reference many times as
/// <c>file:&lt;id&gt;</c>). The flags mirror the official CLI's (<c>--mime-type</c>, <c>--size-bytes</c>, <c>--filename</c>,
/// <c>--cursor</c>, <c>--limit</c>, <c>--purpose</c>, <c>--state</c>, <c>--file-id</c> or a positional id).
/// </summary>
internal static class FilesCommand
{
    public static Command Build(Invocation invocation)
    {
        var command = new Command("files", "Upload files once and reference them in many generations (file:<id>); list, read and delete them.");
        command.Subcommands.Add(Upload(invocation));
        command.Subcommands.Add(Create(invocation));
        command.Subcommands.Add(ById(invocation, "complete", "Tell the API a presigned upload's bytes are all there (POST /files/{id}/complete); ingest starts.", (files, id, ct) => files.CompleteAsync(id, ct)));
        command.Subcommands.Add(ById(invocation, "get", "Read a file (GET /files/{id}): its state (pending, ready, failed, deleted), size and media type.", (files, id, ct) => files.GetAsync(id, ct)));
        command.Subcommands.Add(List(invocation));
        command.Subcommands.Add(Delete(invocation));
        return command;
    }

    private static Command Upload(Invocation invocation)
    {
        var command = new Command(
            "upload",
            $"Upload a local file (1 byte to 5 GiB) and wait until it is ready; prints the file. Files up to {LocalUploads.Megabytes(FileLimits.DefaultInlineLimit)} go inline, "
            + "larger ones through a presigned URL (the API key is never sent to storage). The id is printed as soon as the file exists.\n"
            + "Example: luma files upload photo.png --purpose reference, then luma generate image \"…\" --image-ref file:<id>");
        var path = new Argument<string>("path") { Description = "The file to upload (its media type comes from the extension unless --mime-type is given)." };
        command.Arguments.Add(path);
        var common = new CreateFlags();
        common.AddTo(command, withSize: false);
        var noWait = new Option<bool>("--no-wait") { Description = "Print the file as soon as its bytes are sent (usually still pending), without waiting until it is ready." };
        command.Options.Add(noWait);

        CommandRunner.SetAction(command, invocation, async (context, cancellationToken) =>
        {
            var typed = context.Parse.GetValue(path) ?? string.Empty;
            var embedding = new FileEmbedding(context.Environment);
            var fullPath = embedding.Resolve(typed.StartsWith('@') ? FileEmbedding.PathOf(typed[1..]) : typed);
            var options = new FileUploadOptions
            {
                Purpose = common.Purpose(context.Parse),
                ExpiresAt = common.ExpiresAt(context),
                UserId = context.Parse.GetValue(common.UserId),
            };
            var mimeType = context.Parse.GetValue(common.MimeType);
            using var session = context.Connect();
            var file = await FileTransfer.UploadAsync(context, session, fullPath, typed, mimeType, options, wait: !context.Parse.GetValue(noWait), cancellationToken).ConfigureAwait(false);
            context.Output.WriteResult(Document(file));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Create(Invocation invocation)
    {
        var command = new Command(
            "create",
            "Create a file record for the presigned flow (POST /files): prints the file and upload.url, where to PUT the raw bytes with exactly upload.headers; "
            + "then run `luma files complete <id>`. `luma files upload` does all three.");
        var flags = new CreateFlags();
        flags.AddTo(command, withSize: true);
        CommandRunner.SetAction(command, invocation, async (context, cancellationToken) =>
        {
            var parse = context.Parse;
            var request = new FileCreateRequest
            {
                MimeType = parse.GetValue(flags.MimeType) ?? throw new CliException("--mime-type is required.", "for example --mime-type image/png"),
                SizeBytes = parse.GetValue(flags.SizeBytes) ?? throw new CliException("--size-bytes is required: the exact size of the bytes you will PUT.", "for example --size-bytes $(stat -c %s photo.png)"),
                FileName = parse.GetValue(flags.FileName),
                Purpose = flags.Purpose(parse),
                ExpiresAt = flags.ExpiresAt(context),
                UserId = parse.GetValue(flags.UserId),
            };
            using var session = context.Connect();
            var upload = await session.Client.Files.CreateAsync(request, cancellationToken).ConfigureAwait(false);
            context.Notices.Write($"created file {upload.Id} ({upload.State.Value})" + (upload.Upload is null ? string.Empty : $"; PUT its bytes to upload.url, then: luma files complete {upload.Id}"));
            context.Output.WriteResult(JsonNode.Parse(LumaJson.Serialize(upload)));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command ById(Invocation invocation, string name, string description, Func<FilesClient, string, CancellationToken, Task<LumaFile>> call)
    {
        var command = new Command(name, description);
        var id = IdInput.File();
        id.AddTo(command);
        CommandRunner.SetAction(command, invocation, async (context, cancellationToken) =>
        {
            var fileId = id.Read(context.Parse, name);
            using var session = context.Connect();
            var file = await call(session.Client.Files, fileId, cancellationToken).ConfigureAwait(false);
            context.Output.WriteResult(Document(file));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Delete(Invocation invocation)
    {
        var command = new Command("delete", "Delete a file (DELETE /files/{id}): it can no longer be referenced. Deleting it again answers 404.");
        var id = IdInput.File();
        id.AddTo(command);
        CommandRunner.SetAction(command, invocation, async (context, cancellationToken) =>
        {
            var fileId = id.Read(context.Parse, "delete");
            using var session = context.Connect();
            await session.Client.Files.DeleteAsync(fileId, cancellationToken).ConfigureAwait(false);
            context.Output.WriteResult(new JsonObject { ["id"] = fileId, ["deleted"] = true });
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(Invocation invocation)
    {
        var command = new Command(
            "list",
            "List your files, newest first (GET /files). Reads every page unless --cursor or --limit is given; then one page, "
            + "and next_cursor (also on stderr) is the --cursor of the next. Prints {data, has_more, next_cursor}; --format jsonl prints one file per line.");
        var cursor = new Option<string>("--cursor") { Description = "Start at this page: the next_cursor of the page before (one page is printed).", HelpName = "cursor" };
        var limit = new Option<int?>("--limit") { Description = $"Files on the page, {FileLimits.MinListLimit}–{FileLimits.MaxListLimit} (server default 25; one page is printed).", HelpName = "n" };
        var purpose = PurposeOption();
        var state = new Option<string>("--state") { Description = "Only files in this state: pending, ready, failed or deleted.", HelpName = "state" };
        state.CompletionSources.Add([.. FileState.KnownValues.Select(v => v.Value)]);
        command.Options.Add(cursor);
        command.Options.Add(limit);
        command.Options.Add(purpose);
        command.Options.Add(state);
        CommandRunner.SetAction(command, invocation, async (context, cancellationToken) =>
        {
            var parse = context.Parse;
            var options = new FileListOptions
            {
                Cursor = parse.GetValue(cursor),
                Limit = parse.GetValue(limit),
                Purpose = parse.GetValue(purpose) is { } p ? new FilePurpose(p.Trim()) : (FilePurpose?)null,
                State = parse.GetValue(state) is { } s ? new FileState(s.Trim()) : (FileState?)null,
            };
            using var session = context.Connect();
            if (options.Cursor is not null || options.Limit is not null)
            {
                var page = await session.Client.Files.ListPageAsync(options, cancellationToken).ConfigureAwait(false);
                if (page.HasMore && page.NextCursor is { } next)
                {
                    context.Notices.Write($"more files: luma files list --cursor {next}" + (options.Limit is { } n ? " --limit " + n.ToString(CultureInfo.InvariantCulture) : string.Empty));
                }

                WriteList(context, page.Data, page.HasMore, page.NextCursor);
                return ExitCodes.Success;
            }

            var all = new List<LumaFile>();
            await foreach (var file in session.Client.Files.ListAsync(options, cancellationToken).ConfigureAwait(false))
            {
                all.Add(file);
            }

            WriteList(context, all, hasMore: false, nextCursor: null);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteList(CliContext context, IReadOnlyList<LumaFile> files, bool hasMore, string? nextCursor)
    {
        if (context.Output.Streams)
        {
            foreach (var file in files)
            {
                context.Output.WriteProgress(Document(file));
            }

            return;
        }

        context.Output.WriteResult(new JsonObject
        {
            ["data"] = new JsonArray([.. files.Select(f => (JsonNode?)Document(f))]),
            ["has_more"] = hasMore,
            ["next_cursor"] = nextCursor,
        });
    }

    private static JsonNode Document(LumaFile file) => JsonNode.Parse(LumaJson.Serialize(file))!;

    private static Option<string> PurposeOption()
    {
        var option = new Option<string>("--purpose")
        {
            Description = "input (the primary subject, e.g. the image to edit) or reference (style or content guidance).",
            HelpName = "input|reference",
        };
        option.CompletionSources.Add([.. FilePurpose.KnownValues.Select(v => v.Value)]);
        return option;
    }

    /// <summary>The fields of <c>POST /files</c> that <c>upload</c> and <c>create</c> share.</summary>
    private sealed class CreateFlags
    {
        public Option<string> MimeType { get; } = new("--mime-type") { Description = "The media type, e.g. image/png or video/mp4 (upload: default from the extension).", HelpName = "type" };

        public Option<long?> SizeBytes { get; } = new("--size-bytes") { Description = $"The exact size of the bytes you will PUT, 1 to {FileLimits.MaxSizeBytes} (5 GiB).", HelpName = "n" };

        public Option<string> FileName { get; } = new("--filename") { Description = "A file name to keep with the file.", HelpName = "name" };

        public Option<string> PurposeFlag { get; } = PurposeOption();

        public Option<string> Expires { get; } = new("--expires-at")
        {
            Description = "When Luma may delete the file: an ISO-8601 time (2026-12-31T00:00:00Z) or a duration from now (24h, 90m).",
            HelpName = "time|duration",
        };

        public Option<string> UserId { get; } = new("--user-id") { Description = $"Your end user's opaque id (at most {GenerationLimits.MaxUserIdLength} characters), for abuse attribution.", HelpName = "id" };

        public void AddTo(Command command, bool withSize)
        {
            command.Options.Add(MimeType);
            if (withSize)
            {
                command.Options.Add(SizeBytes);
                command.Options.Add(FileName);
            }

            command.Options.Add(PurposeFlag);
            command.Options.Add(Expires);
            command.Options.Add(UserId);
        }

        public FilePurpose? Purpose(ParseResult parse) => parse.GetValue(PurposeFlag) is { } p ? new FilePurpose(p.Trim()) : (FilePurpose?)null;

        public DateTimeOffset? ExpiresAt(CliContext context)
        {
            if (context.Parse.GetValue(Expires) is not { } text)
            {
                return null;
            }

            if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) && text.Contains('-', StringComparison.Ordinal))
            {
                return time;
            }

            try
            {
                return context.Environment.TimeProvider.GetUtcNow() + Durations.Parse(text, "--expires-at");
            }
            catch (CliException)
            {
                throw new CliException($"--expires-at: '{text}' is neither an ISO-8601 time nor a duration.", "for example --expires-at 2026-12-31T00:00:00Z or --expires-at 24h");
            }
        }
    }
}
