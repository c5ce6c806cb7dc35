# The foundation on the Local engine: boot, query, sessions across processes, stop, and the documented faults.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-RideTest
}

Describe 'A Local sandbox' {
    BeforeAll {
        $script:session = Start-RideScenario stage-00/01 -Engine Local
    }

    AfterAll {
        if ($script:session) { $script:session | Stop-RideScenario -Confirm:$false -ErrorAction Ignore }
    }

    It 'returns a running session with a ready connection string and psql command' {
        $script:session | Should -BeOfType ([Ride.Sessions.RideSession])
        $script:session.Status | Should -Be 'Running'
        $script:session.Engine | Should -Be 'Local'
        $script:session.Host | Should -Be '127.0.0.1'
        $script:session.PsqlCommand | Should -Match "^psql `"postgresql://dba:.+@127\.0\.0\.1:$($script:session.Port)/incident`"$"
    }

    It 'answers queries as the operator, with the scenario seeded' {
        (Invoke-RideTestQuery -Session $script:session -Database app_db -Sql 'SELECT count(*) FROM items')[0] | Should -Be 3
        (Invoke-RideTestQuery -Session $script:session -Sql 'SELECT current_user')[0] | Should -Be 'dba'
        (Invoke-RideTestQuery -Session $script:session -Sql "SELECT rolsuper FROM pg_roles WHERE rolname = 'dba'")[0] | Should -BeTrue
    }

    It 'has no network of its own: the server listens on its socket, the operator comes in through the gateway on loopback' {
        (Invoke-RideTestQuery -Session $script:session -Sql 'SHOW listen_addresses')[0] | Should -Be ''
        $node = (Get-Content -Raw (Join-Path $env:RIDE_HOME "sessions/$($script:session.SessionId)/session.json") | ConvertFrom-Json).Nodes[0]
        (Invoke-RideTestQuery -Session $script:session -Sql 'SHOW unix_socket_directories')[0] | Should -Be $node.SocketDirectory
        $listening = Get-Content /proc/net/tcp | Select-Object -Skip 1 | ForEach-Object { ($_ -split '\s+')[2] }
        $listening | Should -Contain ('0100007F:{0:X4}' -f $script:session.Port) -Because 'the gateway listens on 127.0.0.1 only'
        (Get-Item "/proc/$($node.ServerPid)/ns/net").LinkTarget | Should -Not -Be (Get-Item /proc/self/ns/net).LinkTarget
    }

    It 'runs the server as its own unprivileged account, never postgres' {
        $node = (Get-Content -Raw (Join-Path $env:RIDE_HOME "sessions/$($script:session.SessionId)/session.json") | ConvertFrom-Json).Nodes[0]
        $uid = ((Get-Content "/proc/$($node.ServerPid)/status" | Where-Object { $_ -like 'Uid:*' }) -split '\s+')[1]
        $uid | Should -Not -Be '0'
        if ((id -u) -eq '0') {
            $node.OsUser | Should -Be 'ride'
            $uid | Should -Be (id -u ride)
            $uid | Should -Not -Be (id -u postgres 2>$null)
        } else {
            $uid | Should -Be (id -u)
        }
    }

    It 'has pg_stat_statements preloaded and logging configured' {
        (Invoke-RideTestQuery -Session $script:session -Sql 'SHOW shared_preload_libraries')[0] | Should -Match 'pg_stat_statements'
        (Invoke-RideTestQuery -Session $script:session -Sql 'SELECT count(*) FROM pg_stat_statements')[0] | Should -BeGreaterOrEqual 0
        (Invoke-RideTestQuery -Session $script:session -Sql 'SHOW log_line_prefix')[0] | Should -Match '%a'
        (Invoke-RideTestQuery -Session $script:session -Sql 'SHOW log_line_prefix')[0] | Should -Match '%d'
        (Invoke-RideTestQuery -Session $script:session -Sql 'SHOW track_io_timing')[0] | Should -Be 'on'
        (Invoke-RideTestQuery -Session $script:session -Sql "SELECT rolpassword LIKE 'SCRAM-SHA-256%' FROM pg_authid WHERE rolname = 'dba'")[0] | Should -BeTrue
    }

    It 'rejects a wrong password' {
        $builder = [Npgsql.NpgsqlConnectionStringBuilder]::new($script:session.ConnectionString)
        $builder.Password = 'wrong'
        $builder.Pooling = $false
        $connection = [Npgsql.NpgsqlConnection]::new($builder.ConnectionString)
        { $connection.Open() } | Should -Throw '*password authentication failed*'
        $connection.Dispose()
    }

    It 'is listed by a brand-new pwsh process' {
        $ids = Invoke-FreshPwsh "(Get-RideSession | Where-Object Status -eq 'Running').SessionId"
        $ids | Should -Contain $script:session.SessionId
    }

    It 'keeps its actors connected after the pwsh that started it is gone' {
        $activity = Get-RideActivity -Session $script:session -ApplicationName 'probe*'
        $activity | Should -HaveCount 1
        $activity[0].Database | Should -Be 'app_db'
        $activity[0].UserName | Should -Be 'app_user'
    }

    It 'is found by id and by wildcard' {
        (Get-RideSession -Id $script:session.SessionId).SessionId | Should -Be $script:session.SessionId
        (Get-RideSession -Id ($script:session.SessionId.Substring(0, 3) + '*')).SessionId | Should -Contain $script:session.SessionId
        { Get-RideSession -Id 'nosuchid' -ErrorAction Stop } | Should -Throw -ErrorId 'SessionNotFound,Ride.Cmdlets.GetRideSessionCommand'
    }
}

Describe 'Stop-RideScenario' {
    It 'stops the server and actors and leaves no process or folder behind' {
        $s = Start-RideScenario stage-00/01 -Engine Local
        $folder = Join-Path $env:RIDE_HOME "sessions/$($s.SessionId)"
        Test-Path $folder | Should -BeTrue
        $dataDir = (Get-Content -Raw (Join-Path $folder 'session.json') | ConvertFrom-Json).Nodes[0].DataDirectory
        $serverPids = @(Get-ProcessIdsOf ('{0}|{1}' -f [regex]::Escape("sessions/$($s.SessionId)/"), [regex]::Escape($dataDir)))
        $serverPids.Count | Should -BeGreaterThan 1

        $s | Stop-RideScenario -Confirm:$false

        Test-Path $folder | Should -BeFalse
        Test-Path $dataDir | Should -BeFalse
        Get-RideSession | Where-Object SessionId -eq $s.SessionId | Should -BeNullOrEmpty
        Wait-RideCondition -Because 'the server and actor processes to exit' -TimeoutSec 10 -Condition {
            @($serverPids | Where-Object { Test-Path "/proc/$_/cmdline" } | Where-Object { (Get-Content -Raw "/proc/$_/cmdline" -ErrorAction Ignore) }).Count -eq 0
        } | Should -BeTrue
    }

    It 'supports -WhatIf and leaves the session running' {
        $s = Start-RideScenario stage-00/01 -Engine Local
        try {
            $s | Stop-RideScenario -WhatIf
            (Get-RideSession -Id $s.SessionId).Status | Should -Be 'Running'
        } finally {
            $s | Stop-RideScenario -Confirm:$false
        }
    }

    It 'returns the session with -PassThru' {
        $s = Start-RideScenario stage-00/01 -Engine Local
        $stopped = $s | Stop-RideScenario -Confirm:$false -PassThru
        $stopped.SessionId | Should -Be $s.SessionId
        $stopped.Status | Should -Be 'Stopped'
    }

    It 'cleans up a session whose server was killed by hand, and says so' {
        $sharedBefore = @(Get-ChildItem /dev/shm -Filter 'PostgreSQL.*' -ErrorAction Ignore).Name
        $s = Start-RideScenario stage-00/01 -Engine Local
        $node = (Get-Content -Raw (Join-Path $env:RIDE_HOME "sessions/$($s.SessionId)/session.json") | ConvertFrom-Json).Nodes[0]
        $dataDir = $node.DataDirectory
        # postmaster.pid holds the pid inside the jail; the session knows the postmaster as this machine sees it.
        (Get-Content -Raw "/proc/$($node.ServerPid)/cmdline") -replace "`0", ' ' | Should -Match ([regex]::Escape($dataDir))
        Stop-Process -Id $node.ServerPid -Force
        Wait-RideCondition -Because 'the session to show as lost' -Condition { (Get-RideSession -Id $s.SessionId).Status -eq 'Lost' } | Should -BeTrue

        $warnings = $s | Stop-RideScenario -Confirm:$false 3>&1
        ($warnings | Out-String) | Should -Match 'no longer running'
        Test-Path (Join-Path $env:RIDE_HOME "sessions/$($s.SessionId)") | Should -BeFalse
        Test-Path $dataDir | Should -BeFalse
        @(Get-ChildItem /dev/shm -Filter 'PostgreSQL.*' -ErrorAction Ignore | Where-Object Name -notin $sharedBefore) |
            Should -BeNullOrEmpty -Because 'the killed server''s dynamic shared memory lived in its data directory'
    }

    It 'names the sessions when several are live and none is given' {
        $a = Start-RideScenario stage-00/01 -Engine Local
        $b = Start-RideScenario stage-00/01 -Engine Local
        try {
            { Get-RideHint -ErrorAction Stop } | Should -Throw -ErrorId 'SessionAmbiguous,Ride.Cmdlets.GetRideHintCommand'
            try { Get-RideHint } catch { $message = $_.Exception.Message }
            $message | Should -Match $a.SessionId
            $message | Should -Match $b.SessionId
        } finally {
            $a, $b | Stop-RideScenario -Confirm:$false
        }
    }
}

Describe 'Faults at start' {
    It 'reports missing PostgreSQL binaries with what was searched and how to install them' {
        $sessionsBefore = Get-RideSessionIds
        $empty = Join-Path ([IO.Path]::GetTempPath()) ('ride-nobin-' + [Guid]::NewGuid().ToString('N').Substring(0, 8))
        New-Item -ItemType Directory -Path $empty | Out-Null
        $env:RIDE_PG_BIN = $empty
        try {
            { Start-RideScenario stage-00/01 -Engine Local } | Should -Throw -ErrorId 'PostgresBinariesNotFound,Ride.Cmdlets.StartRideScenarioCommand'
            try { Start-RideScenario stage-00/01 -Engine Local } catch { $message = $_.Exception.Message }
            $message | Should -Match ([regex]::Escape($empty))
            $message | Should -Match 'apt-get install postgresql'
            @(Get-RideSession | Where-Object SessionId -notin $sessionsBefore) | Should -BeNullOrEmpty
        } finally {
            Remove-Item Env:RIDE_PG_BIN
            Remove-Item $empty
        }
    }

    It 'moves to another port when the chosen one is taken, without telling the user' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        $taken = $listener.LocalEndpoint.Port
        $env:RIDE_PORT = "$taken"
        try {
            $s = Start-RideScenario stage-00/01 -Engine Local -WarningVariable warned -ErrorVariable failed
            $s.Status | Should -Be 'Running'
            $s.Port | Should -Not -Be $taken
            $warned | Should -BeNullOrEmpty
            $failed | Should -BeNullOrEmpty
            (Invoke-RideTestQuery -Session $s -Sql 'SELECT 1')[0] | Should -Be 1
        } finally {
            Remove-Item Env:RIDE_PORT
            $listener.Stop()
            if ($s) { $s | Stop-RideScenario -Confirm:$false }
        }
    }

    It 'reports a failing setup script with its line and message, and leaves nothing behind' {
        $sessionsBefore = Get-RideSessionIds
        $before = @(Get-ChildItem (Join-Path $env:RIDE_HOME 'sessions') -ErrorAction Ignore).Count
        $sandboxes = '{0}|/ride-{1}/' -f [regex]::Escape($env:RIDE_HOME), (id -u)
        $processesBefore = @(Get-ProcessIdsOf $sandboxes)
        try { Start-RideScenario stage-00/02 -Engine Local } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'SetupScriptFailed,Ride.Cmdlets.StartRideScenarioCommand'
        $err.Exception.Message | Should -Match 'setup\.sql line 4'
        $err.Exception.Message | Should -Match 'column "no_such_column" does not exist'
        @(Get-ChildItem (Join-Path $env:RIDE_HOME 'sessions') -ErrorAction Ignore).Count | Should -Be $before
        @(Get-RideSession | Where-Object SessionId -notin $sessionsBefore) | Should -BeNullOrEmpty
        @(Get-ProcessIdsOf $sandboxes | Where-Object { $_ -notin $processesBefore }) | Should -BeNullOrEmpty -Because 'the half-made sandbox took its processes with it'
    }

    It 'gives up on an incident that never comes to life, naming its condition, and leaves nothing behind' {
        $sessionsBefore = Get-RideSessionIds
        $sandboxes = '{0}|/ride-{1}/' -f [regex]::Escape($env:RIDE_HOME), (id -u)
        $processesBefore = @(Get-ProcessIdsOf $sandboxes)
        try { Start-RideScenario stage-00/03 -Engine Local 6>$null } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'IncidentNotLive,Ride.Cmdlets.StartRideScenarioCommand'
        $err.Exception.Message | Should -Match 'liveWhen: SELECT false'
        $err.Exception.Message | Should -Match 'the incident never shows'
        @(Get-RideSession | Where-Object SessionId -notin $sessionsBefore) | Should -BeNullOrEmpty
        @(Get-ProcessIdsOf $sandboxes | Where-Object { $_ -notin $processesBefore }) | Should -BeNullOrEmpty
    }

    It 'rejects an invalid RIDE_PORT with a clear error' {
        $env:RIDE_PORT = 'eighty'
        try {
            { Start-RideScenario stage-00/01 -Engine Local } | Should -Throw -ErrorId 'InvalidPort,Ride.Cmdlets.StartRideScenarioCommand'
        } finally {
            Remove-Item Env:RIDE_PORT
        }
    }

    It 'rejects an unknown scenario before creating anything' {
        $sessionsBefore = Get-RideSessionIds
        { Start-RideScenario stage-42/42 -Engine Local } | Should -Throw -ErrorId 'ScenarioNotFound,Ride.Cmdlets.StartRideScenarioCommand'
        @(Get-RideSession | Where-Object SessionId -notin $sessionsBefore) | Should -BeNullOrEmpty
    }
}

Describe 'Prepared clusters and sandbox data' {
    BeforeAll {
        # A state folder of its own, so what other test files prepared does not count here.
        $script:savedHome = $env:RIDE_HOME
        $env:RIDE_HOME = Join-Path ([IO.Path]::GetTempPath()) ('ride-prepared-' + [Guid]::NewGuid().ToString('N').Substring(0, 8))
        New-Item -ItemType Directory -Path $env:RIDE_HOME | Out-Null
        function Get-SessionState($Session) {
            Get-Content -Raw (Join-Path $env:RIDE_HOME "sessions/$($Session.SessionId)/session.json") | ConvertFrom-Json
        }
        function Get-SystemIdentifier($Session) {
            (Invoke-RideTestQuery -Session $Session -Sql 'SELECT system_identifier::text FROM pg_control_system()')[0]
        }
        function Test-Login([int] $Port, [string] $User, [string] $Password) {
            $builder = [Npgsql.NpgsqlConnectionStringBuilder]::new()
            $builder.Host = '127.0.0.1'; $builder.Port = $Port; $builder.Username = $User; $builder.Password = $Password
            $builder.Database = 'postgres'; $builder.Pooling = $false
            $connection = [Npgsql.NpgsqlConnection]::new($builder.ConnectionString)
            try { $connection.Open(); return $true } catch { return $false } finally { $connection.Dispose() }
        }
        $script:clusters = Join-Path $env:RIDE_HOME 'clusters'
    }

    AfterAll {
        Get-RideSession | Stop-RideScenario -Confirm:$false -WarningAction Ignore
        Remove-Item -Recurse -Force $env:RIDE_HOME -ErrorAction Ignore
        $env:RIDE_HOME = $script:savedHome
    }

    It 'prepares one cluster per PostgreSQL installation and starts every sandbox from a copy of it' {
        $first = Start-RideScenario stage-00/01 -Engine Local
        $second = Start-RideScenario stage-00/01 -Engine Local
        try {
            $entries = @(Get-ChildItem $script:clusters -Directory -Filter 'pg-*')
            $entries | Should -HaveCount 1
            Test-Path (Join-Path $entries[0].FullName 'data/PG_VERSION') | Should -BeTrue
            # initdb gives every cluster its own system identifier; copies share the prepared one.
            Get-SystemIdentifier $first | Should -Be (Get-SystemIdentifier $second)
            (Invoke-RideTestQuery -Session $first -Sql "SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements'")[0] | Should -Be 1
            (Invoke-RideTestQuery -Session $first -Database app_db -Sql "SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements'")[0] | Should -Be 1
        } finally {
            $first, $second | Stop-RideScenario -Confirm:$false
        }
        Test-Path (Join-Path $entries[0].FullName 'data/PG_VERSION') | Should -BeTrue -Because 'stopping a sandbox leaves the prepared cluster'
    }

    It 'gives every sandbox its own superuser password, never the prepared one' {
        $s = Start-RideScenario stage-00/01 -Engine Local
        try {
            $entry = @(Get-ChildItem $script:clusters -Directory -Filter 'pg-*')[0]
            $preparedPassword = (Get-Content (Join-Path $entry.FullName 'superuser.secret') -TotalCount 1).Trim()
            $state = Get-SessionState $s
            $state.SuperPassword | Should -Not -Be $preparedPassword
            Test-Login -Port $s.Port -User $state.SuperUser -Password $preparedPassword | Should -BeFalse
            Test-Login -Port $s.Port -User $state.SuperUser -Password $state.SuperPassword | Should -BeTrue
        } finally {
            $s | Stop-RideScenario -Confirm:$false
        }
    }

    It 'makes an incomplete prepared cluster again instead of failing' {
        $entry = @(Get-ChildItem $script:clusters -Directory -Filter 'pg-*')[0]
        Remove-Item (Join-Path $entry.FullName 'superuser.secret')
        $s = Start-RideScenario stage-00/01 -Engine Local
        try {
            $s.Status | Should -Be 'Running'
            Test-Path (Join-Path $entry.FullName 'superuser.secret') | Should -BeTrue
            @(Get-ChildItem $script:clusters -Directory -Filter 'pg-*') | Should -HaveCount 1
            @(Get-ChildItem $script:clusters -Directory -Filter 'building-*') | Should -BeNullOrEmpty -Because 'no half-made build folder is left behind'
        } finally {
            $s | Stop-RideScenario -Confirm:$false
        }
    }

    It 'keeps sandbox data in RIDE_SANDBOX_ROOT and removes it on stop' {
        $root = Join-Path ([IO.Path]::GetTempPath()) ('ride-sbx-' + [Guid]::NewGuid().ToString('N').Substring(0, 8))
        New-Item -ItemType Directory -Path $root | Out-Null
        if ((id -u) -eq '0') { chmod 755 $root }
        $env:RIDE_SANDBOX_ROOT = $root
        try {
            $s = Start-RideScenario stage-00/01 -Engine Local
            $dataDir = (Get-SessionState $s).Nodes[0].DataDirectory
            $dataDir | Should -BeLike "$root/ride-$(id -u)/$($s.SessionId)-*"
            (Invoke-RideTestQuery -Session $s -Sql 'SHOW data_directory')[0] | Should -Be $dataDir
            $s | Stop-RideScenario -Confirm:$false
            Test-Path $dataDir | Should -BeFalse
        } finally {
            Remove-Item Env:RIDE_SANDBOX_ROOT
            Remove-Item -Recurse -Force $root
        }
    }

    It 'does not use a sandbox folder that somebody else owns' -Skip:((id -u) -ne '0') {
        $root = Join-Path ([IO.Path]::GetTempPath()) ('ride-sbx-' + [Guid]::NewGuid().ToString('N').Substring(0, 8))
        New-Item -ItemType Directory -Path "$root/ride-0" | Out-Null
        chmod 755 $root
        chown nobody "$root/ride-0"
        $env:RIDE_SANDBOX_ROOT = $root
        try {
            $s = Start-RideScenario stage-00/01 -Engine Local
            (Get-SessionState $s).Nodes[0].DataDirectory | Should -Not -BeLike "$root/*"
            (Invoke-RideTestQuery -Session $s -Sql 'SELECT 1')[0] | Should -Be 1
            $s | Stop-RideScenario -Confirm:$false
        } finally {
            Remove-Item Env:RIDE_SANDBOX_ROOT
            Remove-Item -Recurse -Force $root
        }
    }

    It 'puts sandbox data in memory when /dev/shm is a tmpfs with room' -Skip:(-not ((Get-Content /proc/mounts -ErrorAction Ignore) -match '^\S+ /dev/shm tmpfs ')) {
        $s = Start-RideScenario stage-00/01 -Engine Local
        try {
            (Get-SessionState $s).Nodes[0].DataDirectory | Should -BeLike "/dev/shm/ride-$(id -u)/$($s.SessionId)-*"
        } finally {
            $s | Stop-RideScenario -Confirm:$false
        }
    }
}

Describe 'Reset keeps the actors process' {
    It 'pauses and resumes the same actors process, with fresh connections and a fresh log' {
        $s = Start-RideScenario stage-00/01 -Engine Local
        try {
            $state = Get-Content -Raw (Join-Path $env:RIDE_HOME "sessions/$($s.SessionId)/session.json") | ConvertFrom-Json
            $before = (Get-RideActivity -Session $s -ApplicationName 'probe*').Pid
            $resetStarted = [DateTimeOffset]::UtcNow
            $s | Reset-RideScenario -Confirm:$false
            $after = Get-Content -Raw (Join-Path $env:RIDE_HOME "sessions/$($s.SessionId)/session.json") | ConvertFrom-Json
            $after.ActorsPid | Should -Be $state.ActorsPid
            Test-Path "/proc/$($state.ActorsPid)" | Should -BeTrue
            $activity = @(Get-RideActivity -Session $s -ApplicationName 'probe*')
            $activity | Should -HaveCount 1
            $activity[0].Pid | Should -Not -Be $before
            $log = @(Get-RideLog -Session $s -Source App)
            $log.Count | Should -BeGreaterThan 0
            @($log | Where-Object { $_.Time -lt $resetStarted }) | Should -BeNullOrEmpty -Because 'the application log starts again at the reset'
        } finally {
            $s | Stop-RideScenario -Confirm:$false
        }
    }

    It 'starts a new actors process when the old one is gone' {
        $s = Start-RideScenario stage-00/01 -Engine Local
        try {
            $state = Get-Content -Raw (Join-Path $env:RIDE_HOME "sessions/$($s.SessionId)/session.json") | ConvertFrom-Json
            Stop-Process -Id $state.ActorsPid -Force
            Wait-RideCondition -Because 'the actors process to exit' -Condition { -not (Test-Path "/proc/$($state.ActorsPid)/cmdline") -or -not (Get-Content -Raw "/proc/$($state.ActorsPid)/cmdline" -ErrorAction Ignore) } | Out-Null
            $s | Reset-RideScenario -Confirm:$false
            $after = Get-Content -Raw (Join-Path $env:RIDE_HOME "sessions/$($s.SessionId)/session.json") | ConvertFrom-Json
            $after.ActorsPid | Should -Not -Be $state.ActorsPid
            @(Get-RideActivity -Session $s -ApplicationName 'probe*') | Should -HaveCount 1
        } finally {
            $s | Stop-RideScenario -Confirm:$false
        }
    }
}

Describe 'The actors program' {
    BeforeAll {
        $script:rid = [Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
        $script:native = Join-Path (Split-Path $env:RIDE_MODULE_PATH) "native/$script:rid/Ride.Actors"
        function Get-ActorsExecutable($Session) {
            $actorsPid = (Get-Content -Raw (Join-Path $env:RIDE_HOME "sessions/$($Session.SessionId)/session.json") | ConvertFrom-Json).ActorsPid
            (Get-Item "/proc/$actorsPid/exe").LinkTarget
        }
    }

    It 'is built natively for this platform when the build machine has clang' -Skip:(-not $IsLinux -or -not (Get-Command clang -ErrorAction Ignore)) {
        $script:native | Should -Exist
    }

    It 'runs natively when the module has the native program' -Skip:(-not (Test-Path (Join-Path (Split-Path $env:RIDE_MODULE_PATH) "native/$([Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier)/Ride.Actors"))) {
        $s = Start-RideScenario stage-00/01 -Engine Local
        try {
            Get-ActorsExecutable $s | Should -Be $script:native
            @(Get-RideActivity -Session $s -ApplicationName 'probe*') | Should -HaveCount 1
        } finally {
            $s | Stop-RideScenario -Confirm:$false
        }
    }

    It 'runs on .NET when RIDE_ACTORS_RUNTIME is dotnet, and behaves the same' {
        $env:RIDE_ACTORS_RUNTIME = 'dotnet'
        try {
            $s = Start-RideScenario stage-00/01 -Engine Local
            Get-ActorsExecutable $s | Should -BeLike '*dotnet'
            @(Get-RideActivity -Session $s -ApplicationName 'probe*') | Should -HaveCount 1
            $s | Reset-RideScenario -Confirm:$false
            @(Get-RideActivity -Session $s -ApplicationName 'probe*') | Should -HaveCount 1
            @(Get-RideLog -Session $s -Source App | Where-Object { $_.Ok }).Count | Should -BeGreaterThan 0
        } finally {
            Remove-Item Env:RIDE_ACTORS_RUNTIME
            if ($s) { $s | Stop-RideScenario -Confirm:$false }
        }
    }
}
