// Ride's helper program: runs a session's application actors, or (gateway) relays a jailed server's socket to a port.
return args is ["gateway", ..]
    ? await Ride.Actors.Gateway.RunAsync(args[1..])
    : await Ride.Actors.ActorHost.RunAsync(args);
