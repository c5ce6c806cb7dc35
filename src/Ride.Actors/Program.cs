// The actors process: runs a session's application workload until told to stop.
return await Ride.Actors.ActorHost.RunAsync(args);
