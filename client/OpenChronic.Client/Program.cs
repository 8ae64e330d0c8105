using System.CommandLine;
using OpenChronic.Client.Commands;

var root = new RootCommand("Open Chronic: care pathways of chronic-disease patients from SNDS claims.")
{
    CatalogueCommand.Create(),
    BenchCommand.Create(),
    SynthCommand.Create(),
};

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
