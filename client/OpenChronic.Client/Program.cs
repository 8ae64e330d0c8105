using System.CommandLine;
using OpenChronic.Client;
using OpenChronic.Client.Commands;
using OpenChronic.Ingestion.Database;

if (await GcBudget.RelaunchAsync(args).ConfigureAwait(false) is { } relaunched)
{
    return relaunched;
}

var root = new RootCommand("Open Chronic: care pathways of chronic-disease patients from SNDS claims.")
{
    DemoCommand.Create(),
    CatalogueCommand.Create(),
    SynthCommand.Create(),
    ValidateCommand.Create(),
    BuildCommand.Create(),
    CrossCheckCommand.Create(),
    CheckConditionsCommand.Create(),
    CoordinationCommand.Create(),
    VariabilityCommand.Create(),
    VariabilityCheckCommand.Create(),
    PredictCommand.Create(),
    BenchCommand.Create(),
    ReportCommand.Create(),
    ServeCommand.Create(),
    KeysCommand.Create(),
    CalibrateCommand.Create(),
    RiskCommand.Create(),
    CohortCommand.Create(),
    VerifyReleaseCommand.Create(),
    ReleaseDbCommand.Create(),
};

// A database that cannot be read back is bad input, not a crash: its located message, exit 1. Anything else
// unexpected still ends the process with its stack trace, as the default handler would.
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
}
catch (DatabaseFormatException e)
{
    await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
    return 1;
}
catch (OperationCanceledException)
{
    return 130;
}
