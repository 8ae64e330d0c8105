using System.CommandLine;
using OpenChronic.Client.Commands;

var root = new RootCommand("Open Chronic: care pathways of chronic-disease patients from SNDS claims.")
{
    DemoCommand.Create(),
    CatalogueCommand.Create(),
    SynthCommand.Create(),
    ValidateCommand.Create(),
    BuildCommand.Create(),
    CrossCheckCommand.Create(),
    CheckConditionsCommand.Create(),
    BenchCommand.Create(),
};

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
