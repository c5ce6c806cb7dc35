# The per-node engine handle on every engine: stop in each mode, start again on the same data, run a PostgreSQL program
# in the node's context, read and write a file of its data directory, read its log, reload, remove.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $engines = Get-TestEngine
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-RideTest
    $script:none = [Threading.CancellationToken]::None

    function Wait-Task($Task) { $Task.GetAwaiter().GetResult() }

    # A node made straight through the core, as the session layer makes them: durable, so it can be stopped and started.
    function New-TestNode([string] $Engine) {
        $context = [Ride.RideContext]::FromEnvironment()
        $engineObject = Wait-Task $context.Engines.CreateAsync($Engine, $script:none)
        $id = 'e' + [Guid]::NewGuid().ToString('N').Substring(0, 7)
        $request = [Ride.Engines.NodeRequest]@{
            SessionId         = $id
            SessionDirectory  = (New-Item -ItemType Directory -Path (Join-Path $env:RIDE_HOME "engine-tests/$id")).FullName
            SuperUser         = 'ride_system'
            SuperPassword     = 'Engine' + [Guid]::NewGuid().ToString('N').Substring(0, 12)
            Image             = $env:RIDE_IMAGE
            DurableData       = $true
            Settings          = [Ride.Engines.ServerSettings]::For([Collections.Generic.Dictionary[string, string]]::new())
        }
        $progress = [Progress[Ride.Engines.SandboxProgress]]::new()
        [pscustomobject]@{ Engine = $engineObject; Node = (Wait-Task $engineObject.CreateNodeAsync($request, $progress, $script:none)); Request = $request }
    }

    function Invoke-NodeSql($Test, [string] $Sql) {
        $result = Wait-Task ([Ride.Engines.SandboxNodeExtensions]::RunPsqlAsync($Test.Node, [Ride.Engines.PsqlInvocation]@{
            User = 'ride_system'; Password = $Test.Request.SuperPassword; Database = 'postgres'; Script = "\pset tuples_only on`n\pset format unaligned`n$Sql"
        }, $script:none))
        if ($result.ExitCode -ne 0) { throw "psql failed: $($result.StandardError)" }
        $result.StandardOutput.Trim()
    }
}

Describe 'A node on <_>' -ForEach $engines {
    BeforeAll {
        $script:engine = $_
        $script:test = New-TestNode $_
    }

    AfterAll {
        if ($script:test) { Wait-Task $script:test.Node.RemoveAsync($script:none) | Out-Null }
    }

    It 'runs a PostgreSQL program in its context, as the server account' {
        $result = Wait-Task $script:test.Node.RunAsync([Ride.Engines.ProgramInvocation]::new('pg_controldata', [string[]]@($(if ($script:engine -eq 'Local') { $script:test.Node.Record.DataDirectory } else { '/var/lib/ride-pgdata/data' }))), $script:none)
        $result.ExitCode | Should -Be 0
        $result.StandardOutput | Should -Match 'Database cluster state:\s+in production'
    }

    It 'reads and writes a file of its data directory, and reloads' {
        $hba = Wait-Task $script:test.Node.ReadFileAsync('pg_hba.conf', $script:none)
        $hba | Should -Not -BeNullOrEmpty
        Wait-Task $script:test.Node.WriteFileAsync('ride-test.conf', "work_mem = '7MB'`n", $script:none)
        Wait-Task $script:test.Node.ReadFileAsync('ride-test.conf', $script:none) | Should -Be "work_mem = '7MB'`n"
        Invoke-NodeSql $script:test "ALTER SYSTEM SET work_mem = '5MB';" | Out-Null
        Wait-Task $script:test.Node.ReloadAsync($script:none)
        Wait-RideCondition -Because 'the reload to take effect' -Condition { (Invoke-NodeSql $script:test 'SHOW work_mem;') -eq '5MB' } | Should -BeTrue
        Wait-Task $script:test.Node.ReadFileAsync('no-such-file', $script:none) | Should -BeNullOrEmpty
        { Wait-Task $script:test.Node.ReadFileAsync('../escape', $script:none) } | Should -Throw '*not inside the data directory*'
    }

    It 'reads its server log' {
        $log = Wait-Task $script:test.Node.ReadServerLogAsync($script:none)
        ($log -join "`n") | Should -Match 'database system is ready to accept connections'
    }

    It 'stops in <_> mode and starts again on the same data' -ForEach @('Fast', 'Immediate', 'Smart') {
        # Sandboxes commit asynchronously (synchronous_commit=off), so an immediate stop may lose the last instant of
        # commits, as on a real server with that setting: this row is committed synchronously to be sure it is kept.
        Invoke-NodeSql $script:test "SET synchronous_commit = on; CREATE TABLE IF NOT EXISTS kept (n int); INSERT INTO kept VALUES (1);" | Out-Null
        $before = [int](Invoke-NodeSql $script:test 'SELECT count(*) FROM kept;')
        Wait-Task $script:test.Node.StopAsync($_, $script:none)
        Wait-Task $script:test.Node.IsRunningAsync($script:none) | Should -BeFalse
        Wait-Task $script:test.Node.StopAsync($_, $script:none) -Because 'stopping a stopped node does nothing'
        Wait-Task $script:test.Node.StartAsync($script:none)
        Wait-Task $script:test.Node.IsRunningAsync($script:none) | Should -BeTrue
        [int](Invoke-NodeSql $script:test 'SELECT count(*) FROM kept;') | Should -Be $before
    }

    It 'restarts' {
        $started = Invoke-NodeSql $script:test 'SELECT pg_postmaster_start_time();'
        Wait-Task ([Ride.Engines.SandboxNodeExtensions]::RestartAsync($script:test.Node, 'Fast', $script:none))
        Invoke-NodeSql $script:test 'SELECT pg_postmaster_start_time();' | Should -Not -Be $started
    }

    It 'is removed, idempotently' {
        Wait-Task $script:test.Node.RemoveAsync($script:none) | Should -BeNullOrEmpty
        Wait-Task $script:test.Node.IsRunningAsync($script:none) | Should -BeFalse
        Wait-Task $script:test.Node.RemoveAsync($script:none) | Should -Not -BeNullOrEmpty -Because 'the second removal says it was already gone'
        $script:test = $null
    }
}

Describe 'A Docker session network' -Skip:('Docker' -notin (Get-TestEngine)) {
    It 'is labelled, does not masquerade to the outside, carries the node by name, and goes with the session' {
        $s = Start-RideScenario stage-00/01 -Engine Docker 6>$null
        try {
            $network = docker network inspect "ride-$($s.SessionId)" | ConvertFrom-Json
            $network.Labels.'ride.managed' | Should -Be 'true'
            $network.Labels.'ride.session' | Should -Be $s.SessionId
            $network.Options.'com.docker.network.bridge.enable_ip_masquerade' | Should -Be 'false'
            $container = (docker inspect $s.ContainerId | ConvertFrom-Json)[0]
            $container.NetworkSettings.Networks."ride-$($s.SessionId)".Aliases | Should -Contain 'primary'
            $container.HostConfig.CapDrop | Should -Contain 'ALL'
            $container.HostConfig.SecurityOpt | Should -Contain 'no-new-privileges'
        } finally {
            $s | Stop-RideScenario -Confirm:$false
        }
        docker network ls -q --filter "label=ride.session=$($s.SessionId)" | Should -BeNullOrEmpty
    }

    It 'keeps a node that cannot survive a stop from being started again' {
        $s = Start-RideScenario stage-00/01 -Engine Docker 6>$null
        try {
            $context = [Ride.RideContext]::FromEnvironment()
            $node = Wait-Task $context.Engines.OpenAsync($context.Sessions.Load($s.SessionId).Primary, $script:none)
            Wait-Task $node.StopAsync('Fast', $script:none)
            { Wait-Task $node.StartAsync($script:none) } | Should -Throw '*keeps its data in memory*'
        } finally {
            $s | Stop-RideScenario -Confirm:$false -WarningAction Ignore
        }
    }
}
