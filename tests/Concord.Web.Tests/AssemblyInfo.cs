// The browser runs measure time: one scenario set at a time, so they do not load the machine for each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
