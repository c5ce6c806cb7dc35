# The Docker engine against a real engine: labels, loopback-only ports, cleanup, lost containers and the documented faults.
# CI starts a private dockerd and builds ride-test/postgres:15 (tests/docker/); nothing is ever pulled from a public registry.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:noDocker = [bool]$env:RIDE_TEST_NO_DOCKER -or -not (Test-DockerAvailable)
    $script:noTcpEngine = $script:noDocker -or -not $env:RIDE_DOCKER_TCP_HOST
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-RideTest
    $script:testImage = 'ride-test/postgres:15'
    $script:savedImage = $env:RIDE_IMAGE
    $script:savedDockerHost = $env:DOCKER_HOST
    $env:RIDE_IMAGE = $script:testImage

    function Get-ContainerInfo([string] $SessionId) {
        $ids = @(docker ps -a -q --no-trunc --filter "label=ride.session=$SessionId")
        if ($ids.Count -eq 0) { return $null }
        (docker inspect $ids[0] | ConvertFrom-Json)[0]
    }

    function Get-RideContainerCount {
        @(docker ps -a -q --filter 'label=ride.managed=true').Count
    }

    # A port on loopback where nothing listens.
    function Get-ClosedPort {
        $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
        $listener.Start()
        $port = $listener.LocalEndpoint.Port
        $listener.Stop()
        $port
    }
}

AfterAll {
    $env:RIDE_IMAGE = $script:savedImage
    $env:DOCKER_HOST = $script:savedDockerHost
}

Describe 'A Docker sandbox' -Tag Docker -Skip:$noDocker {
    BeforeAll {
        $script:session = Start-RideScenario stage-00/01 -Engine Docker
        $script:container = Get-ContainerInfo $script:session.SessionId
    }

    AfterAll {
        if ($script:session) { $script:session | Stop-RideScenario -Confirm:$false -ErrorAction Ignore }
    }

    It 'runs in a container of its scenario''s seed image, seeded from the image RIDE_IMAGE names' {
        $script:session.Engine | Should -Be 'Docker'
        $script:container | Should -Not -BeNullOrEmpty
        $seed = (docker image inspect $script:container.Image | ConvertFrom-Json)[0]
        $seed.RepoTags | Should -Match '^ride-seed/stage-00-01-smoke-test:[0-9a-f]{16}$'
        $seed.Config.Labels.'ride.seed.base' | Should -Be (docker image inspect --format '{{.Id}}' $script:testImage)
        $script:container.State.Running | Should -BeTrue
        $script:session.ContainerId | Should -Be $script:container.Id
        $script:session.ServerVersion | Should -Match '^15\.\d+'
    }

    It 'labels the container so Ride only ever touches its own' {
        $labels = $script:container.Config.Labels
        $labels.'ride.managed' | Should -Be 'true'
        $labels.'ride.session' | Should -Be $script:session.SessionId
        $labels.'ride.node' | Should -Be 'primary'
        $labels.'ride.version' | Should -Be ([Ride.Engines.Docker.DockerEngine].Assembly.GetName().Version.ToString(3))
        $script:container.Name | Should -Be "/ride-$($script:session.SessionId)-primary"
    }

    It 'publishes PostgreSQL on 127.0.0.1 only, on the port the session reports' {
        $bindings = @($script:container.NetworkSettings.Ports.'5432/tcp')
        $bindings.Count | Should -BeGreaterThan 0
        $bindings | ForEach-Object { $_.HostIp | Should -Be '127.0.0.1' }
        @($script:container.HostConfig.PortBindings.'5432/tcp').HostIp | Should -Be '127.0.0.1'
        [int]$bindings[0].HostPort | Should -Be $script:session.Port
        $script:session.Host | Should -Be '127.0.0.1'
        (Invoke-RideTestQuery -Session $script:session -Sql 'SELECT current_user')[0] | Should -Be 'dba'
    }

    It 'configures the server through the command line (pg_stat_statements, logging)' {
        $script:container.Config.Cmd[0] | Should -Be 'postgres'
        $script:container.Config.Cmd | Should -Contain 'shared_preload_libraries=pg_stat_statements'
        (Invoke-RideTestQuery -Session $script:session -Sql 'SHOW shared_preload_libraries')[0] | Should -Match 'pg_stat_statements'
        (Invoke-RideTestQuery -Session $script:session -Sql 'SELECT count(*) FROM pg_stat_statements')[0] | Should -BeGreaterOrEqual 0
        (Invoke-RideTestQuery -Session $script:session -Sql 'SHOW log_line_prefix')[0] | Should -Match '%a'
    }

    It 'runs psql inside the container, so no local client is needed' {
        $savedPath = $env:PATH
        try {
            # Neither PATH nor RIDE_PG_BIN can offer a psql: the fix can only run inside the container.
            $env:PATH = '/nonexistent'
            $env:RIDE_PG_BIN = '/nonexistent'
            $submission = Submit-RideFix -Session $script:session -Sql "SELECT 'ran in the container' AS note;"
        } finally {
            $env:PATH = $savedPath
            Remove-Item env:RIDE_PG_BIN -ErrorAction Ignore
        }
        $submission | Should -Not -BeNullOrEmpty
        (Get-RideScore -Session $script:session).Detect | Should -BeGreaterThan 0
    }

    It 'keeps the data directory on the seed image''s layer, copy-on-write, with the pg_stat_statements extension prepared' {
        @($script:container.HostConfig.Tmpfs.PSObject.Properties.Name) | Should -Not -Contain '/var/lib/ride-pgdata'
        $script:container.HostConfig.ShmSize | Should -Be 1GB -Because 'parallel index builds on big tables need more than the default 64 MB'
        (Invoke-RideTestQuery -Session $script:session -Sql 'SHOW data_directory')[0] | Should -Be '/var/lib/ride-pgdata/data'
        (Invoke-RideTestQuery -Session $script:session -Database app_db -Sql "SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements'")[0] | Should -Be 1
        (Invoke-RideTestQuery -Session $script:session -Database ride -Sql "SELECT count(*) FROM pg_tables WHERE tablename = 'baseline_backends'")[0] | Should -Be 1
    }

    It 'reads the server log from the container' {
        $server = Wait-RideCondition -Because 'the container to log that it is ready' -Condition {
            $entries = @(Get-RideLog -Session $script:session -Source Server)
            if (($entries.Message -join "`n") -match 'database system is ready to accept connections') { $entries }
        }
        $server.Count | Should -BeGreaterThan 0
    }
}

Describe 'Stop-RideScenario on Docker' -Tag Docker -Skip:$noDocker {
    It 'removes the container and its volumes' {
        $s = Start-RideScenario stage-00/01 -Engine Docker
        $container = Get-ContainerInfo $s.SessionId
        $volumes = @($container.Mounts | Where-Object Type -eq 'volume' | ForEach-Object Name)
        $volumes.Count | Should -BeGreaterThan 0 -Because 'the image declares its data folder a volume'

        $s | Stop-RideScenario -Confirm:$false

        Get-ContainerInfo $s.SessionId | Should -BeNullOrEmpty
        foreach ($volume in $volumes) {
            docker volume inspect $volume 2>&1 | Out-Null
            $LASTEXITCODE | Should -Not -Be 0 -Because "volume $volume must be removed with the container"
        }
        Get-RideSession | Where-Object SessionId -eq $s.SessionId | Should -BeNullOrEmpty
    }

    It 'reports a session whose container vanished as Lost, and cleans it up' {
        $s = Start-RideScenario stage-00/01 -Engine Docker
        docker rm -f -v (Get-ContainerInfo $s.SessionId).Id | Out-Null

        (Get-RideSession -Id $s.SessionId).Status | Should -Be 'Lost'
        $ids = Invoke-FreshPwsh "(Get-RideSession -Id '$($s.SessionId)').Status"
        $ids | Should -Contain 'Lost'

        Get-RideSession -Id $s.SessionId | Stop-RideScenario -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue
        ($warnings -join "`n") | Should -Match 'already gone'
        Get-RideSession | Where-Object SessionId -eq $s.SessionId | Should -BeNullOrEmpty
        Test-Path (Join-Path $env:RIDE_HOME "sessions/$($s.SessionId)") | Should -BeFalse
    }
}

Describe 'Docker faults' -Tag Docker -Skip:$noDocker {
    BeforeAll {
        $script:failingImage = 'ride-test/failing:1'
        # Built from the local test image, so no registry is needed: an entrypoint that says why and exits 3.
        $dockerfile = "FROM $($script:testImage)`nENTRYPOINT [`"sh`", `"-c`", `"echo ride-test: the data folder is corrupt >&2; exit 3`"]`n"
        $dockerfile | docker build --quiet --tag $script:failingImage - 2>&1 | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "Could not build $($script:failingImage)." }
    }

    AfterAll {
        docker image rm --force $script:failingImage 2>&1 | Out-Null
        $env:DOCKER_HOST = $script:savedDockerHost
        $env:RIDE_IMAGE = $script:testImage
    }

    It 'fails with the exit code and log tail of a container that exits during boot, and leaves nothing behind' {
        $before = Get-RideContainerCount
        $sessionsBefore = @(Get-RideSession).Count
        { Start-RideScenario stage-00/01 -Engine Docker -Image $script:failingImage -ErrorAction Stop } |
            Should -Throw -ErrorId 'SandboxBootFailed,Ride.Cmdlets.StartRideScenarioCommand' -ExpectedMessage '*exit code 3*the data folder is corrupt*'
        Get-RideContainerCount | Should -Be $before
        @(Get-RideSession).Count | Should -Be $sessionsBefore
    }

    It 'names the image and how to provide it when the image cannot be pulled' {
        $missing = '127.0.0.1:5999/ride/none:1'
        { Start-RideScenario stage-00/01 -Engine Docker -Image $missing -ErrorAction Stop } |
            Should -Throw -ErrorId 'ImagePullFailed,Ride.Cmdlets.StartRideScenarioCommand' -ExpectedMessage "*'$missing'*docker pull*RIDE_IMAGE*"
    }

    It 'takes the image from RIDE_IMAGE when -Image is not given' {
        $env:RIDE_IMAGE = '127.0.0.1:5999/ride/from-env:1'
        try {
            { Start-RideScenario stage-00/01 -Engine Docker -ErrorAction Stop } |
                Should -Throw -ErrorId 'ImagePullFailed,Ride.Cmdlets.StartRideScenarioCommand' -ExpectedMessage '*127.0.0.1:5999/ride/from-env:1*'
        } finally {
            $env:RIDE_IMAGE = $script:testImage
        }
    }

    It 'says which endpoint it tried when no engine answers' {
        $endpoint = "tcp://127.0.0.1:$(Get-ClosedPort)"
        $env:DOCKER_HOST = $endpoint
        try {
            { Start-RideScenario stage-00/01 -Engine Docker -ErrorAction Stop } |
                Should -Throw -ErrorId 'DockerUnavailable,Ride.Cmdlets.StartRideScenarioCommand' -ExpectedMessage "*$endpoint*-Engine Local*"
        } finally {
            $env:DOCKER_HOST = $script:savedDockerHost
        }
    }

    It 'falls back to Local under -Engine Auto when no Docker engine answers' {
        $env:DOCKER_HOST = "tcp://127.0.0.1:$(Get-ClosedPort)"
        try {
            $s = Start-RideScenario stage-00/01
        } finally {
            $env:DOCKER_HOST = $script:savedDockerHost
        }
        try {
            $s.Engine | Should -Be 'Local'
        } finally {
            $s | Stop-RideScenario -Confirm:$false
        }
    }
}

Describe 'DOCKER_HOST over tcp' -Tag Docker -Skip:$noTcpEngine {
    It 'boots through a tcp:// endpoint and is removed there even after DOCKER_HOST changes' {
        $env:DOCKER_HOST = $env:RIDE_DOCKER_TCP_HOST
        try {
            $s = Start-RideScenario stage-00/01 -Engine Docker
        } finally {
            $env:DOCKER_HOST = $script:savedDockerHost
        }
        try {
            $s.Engine | Should -Be 'Docker'
            (Invoke-RideTestQuery -Session $s -Sql 'SELECT 1')[0] | Should -Be 1
            # The session remembers its endpoint: status and removal do not depend on today's DOCKER_HOST.
            $env:DOCKER_HOST = "tcp://127.0.0.1:$(Get-ClosedPort)"
            (Get-RideSession -Id $s.SessionId).Status | Should -Be 'Running'
        } finally {
            $s | Stop-RideScenario -Confirm:$false
            $env:DOCKER_HOST = $script:savedDockerHost
        }
        Get-ContainerInfo $s.SessionId | Should -BeNullOrEmpty
    }
}
