<#
.SYNOPSIS
    Measures Ride against the same work done by hand, and writes docs/benchmarks.md.
.DESCRIPTION
    Runs in a fresh pwsh with the built module ($env:RIDE_MODULE_PATH). Every figure is the median of several
    runs with its spread (min-max). Nothing here asserts a target: the report shows each measurement beside
    its target so a regression is visible, and the tests stay free of timings.
#>
param(
    [Parameter(Mandatory)] [string] $OutputPath,
    [int] $Runs = 5,
    [int] $GradingFiles = 20,
    [int] $SideBySide = 20,
    [int] $SizeRuns = 3
)

$ErrorActionPreference = 'Stop'
Import-Module $env:RIDE_MODULE_PATH -Force
$scenarioId = 'stage-09/05-backward-incompatible-migration'
$env:RIDE_HOME = Join-Path ([IO.Path]::GetTempPath()) ('ride-bench-' + [Guid]::NewGuid().ToString('N').Substring(0, 8))
New-Item -ItemType Directory -Path $env:RIDE_HOME | Out-Null
$scenario = Get-RideScenario $scenarioId
$folder = $scenario.Path
$rows = [Collections.Generic.List[object]]::new()

function Measure-Runs([int] $Count, [scriptblock] $Body, [scriptblock] $Before) {
    $times = foreach ($i in 1..$Count) {
        if ($Before) { & $Before $i | Out-Null }
        (Measure-Command { & $Body $i | Out-Null }).TotalSeconds
    }
    $sorted = @($times | Sort-Object)
    [pscustomobject]@{
        Median = $sorted[[int][Math]::Floor(($sorted.Count - 1) / 2)]
        Min    = $sorted[0]
        Max    = $sorted[-1]
        Count  = $sorted.Count
    }
}

function Add-Row([string] $Name, $Measure, [string] $Target = '', [string] $Note = '') {
    $rows.Add([pscustomobject]@{
        Measurement = $Name
        Median      = '{0:N3} s' -f $Measure.Median
        Spread      = ('{0:N3}-{1:N3} s (n={2})' -f $Measure.Min, $Measure.Max, $Measure.Count)
        Target      = $Target
        Note        = $Note
    })
    Write-Host ("{0,-60} {1,10:N3} s" -f $Name, $Measure.Median)
}

# Proportional set size: pages shared between processes (shared_buffers, the runtime's libraries) are split among
# them instead of being counted once per process as resident size would.
function Get-MemoryMB([int[]] $Pids, [string] $Field = 'Pss') {
    $total = 0
    foreach ($id in $Pids) {
        $line = Get-Content "/proc/$id/smaps_rollup" -ErrorAction Ignore | Where-Object { $_ -like "${Field}:*" }
        if ($line) { $total += [int](($line -split '\s+')[1]) }
    }
    return $total / 1024
}

function Get-DataMB($Session) {
    $state = Get-Content -Raw (Join-Path $env:RIDE_HOME "sessions/$($Session.SessionId)/session.json") | ConvertFrom-Json
    $dir = $state.Nodes[0].DataDirectory
    if (-not $dir -or -not (Test-Path $dir)) { return 0 }
    return [double]((du -sk $dir) -split '\s+')[0] / 1024
}

function Get-SandboxPids($Session) {
    $state = Get-Content -Raw (Join-Path $env:RIDE_HOME "sessions/$($Session.SessionId)/session.json") | ConvertFrom-Json
    $pids = @($state.ActorsPid)
    # The postmaster as this machine sees it (postmaster.pid holds the pid inside the Local jail), its children and the gateway.
    $postmaster = $state.Nodes[0].ServerPid
    if ($postmaster) {
        $pids += $postmaster
        $pids += @(Get-ChildItem /proc -Directory | Where-Object Name -match '^\d+$' | Where-Object {
                (Get-Content "/proc/$($_.Name)/stat" -ErrorAction Ignore) -match "^\d+ \([^)]*\) \S (\d+)" -and [int]$Matches[1] -eq $postmaster
            } | ForEach-Object { [int]$_.Name })
    }
    if ($state.Nodes[0].GatewayPid) { $pids += $state.Nodes[0].GatewayPid }
    return $pids
}

# Docker is measured when an engine answers (build.ps1 -Task Bench starts the tests' private engine).
$engines = @('Local')
docker version --format '{{.Server.Version}}' *> $null
if ($LASTEXITCODE -eq 0) { $engines += 'Docker' }

$bin = Split-Path (Get-Command initdb -ErrorAction Ignore).Source
if (-not $bin) { $bin = (Get-ChildItem /usr/lib/postgresql/*/bin/initdb | Select-Object -Last 1).DirectoryName }
$bin = Split-Path ((Get-Item (Join-Path $bin 'initdb')).ResolveLinkTarget($true).FullName ?? (Join-Path $bin 'initdb'))
$isRoot = (id -u) -eq '0'

# 1-2. Start until the incident is live, against the same work by hand.
foreach ($engine in $engines) {
    $cold = Measure-Runs 1 { $s = Start-RideScenario $scenarioId -Engine $engine 6>$null; $s | Stop-RideScenario -Confirm:$false }
    $coldNote = if ($engine -eq 'Local') { 'first ever: prepares the cluster kept for later starts' } else { 'first in this process' }
    Add-Row "Start-RideScenario ($engine, cold)" $cold '' $coldNote
    $warm = Measure-Runs $Runs { $s = Start-RideScenario $scenarioId -Engine $engine 6>$null; $script:lastWarm = $s; $s | Stop-RideScenario -Confirm:$false }
    Add-Row "Start-RideScenario ($engine, warm)" $warm $(if ($engine -eq 'Local') { '<= 1.2 x baseline' } else { '' })

    $baselines = if ($engine -eq 'Local') {
        $roots = [ordered]@{ 'on disk' = $env:RIDE_HOME }
        if ((Test-Path /dev/shm) -and (Get-Content /proc/mounts | Where-Object { ($_ -split ' ')[1] -eq '/dev/shm' -and ($_ -split ' ')[2] -eq 'tmpfs' })) {
            $roots['on tmpfs, where Ride keeps sandbox data'] = (New-Item -ItemType Directory -Force "/dev/shm/ride-bench-$PID").FullName
        }
        foreach ($where in $roots.Keys) {
            $root = $roots[$where]
            [pscustomobject]@{ Where = $where; Measure = (Measure-Runs $Runs {
                param($i)
                $dir = Join-Path $root "baseline-$i"
                New-Item -ItemType Directory $dir | Out-Null
                $pw = Join-Path $dir 'pw'; Set-Content $pw 'bench'
                if ($isRoot) { chown -R postgres: $dir; chmod 755 $root }
                $port = Get-Random -Minimum 40000 -Maximum 50000
                if ($isRoot) {
                    runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U ride_system --pwfile $pw --auth scram-sha-256 --no-sync --no-instructions -E UTF8 --locale C | Out-Null
                    runuser -u postgres -- "$bin/pg_ctl" start -D "$dir/data" -l "$dir/log" -w -s -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" | Out-Null
                } else {
                    & "$bin/initdb" -D "$dir/data" -U ride_system --pwfile $pw --auth scram-sha-256 --no-sync --no-instructions -E UTF8 --locale C | Out-Null
                    & "$bin/pg_ctl" start -D "$dir/data" -l "$dir/log" -w -s -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" | Out-Null
                }
                $env:PGPASSWORD = 'bench'
                & "$bin/psql" -X -q -h 127.0.0.1 -p $port -U ride_system -d postgres -c 'CREATE DATABASE incident' -c 'CREATE DATABASE app_db' -c 'CREATE ROLE app_user LOGIN' | Out-Null
                & "$bin/psql" -X -q -h 127.0.0.1 -p $port -U ride_system -d incident -f (Join-Path $folder 'setup.sql') | Out-Null
                & "$bin/psql" -X -q -h 127.0.0.1 -p $port -U ride_system -d incident -f (Join-Path $folder 'incident.sql') | Out-Null
                if ($isRoot) { runuser -u postgres -- "$bin/pg_ctl" stop -D "$dir/data" -m immediate -s | Out-Null } else { & "$bin/pg_ctl" stop -D "$dir/data" -m immediate -s | Out-Null }
                Remove-Item -Recurse -Force $dir
            }) }
            if ($root -ne $env:RIDE_HOME) { Remove-Item -Recurse -Force $root }
        }
    } else {
        [pscustomobject]@{ Where = 'docker run + psql'; Measure = (Measure-Runs $Runs {
            $image = if ($env:RIDE_IMAGE) { $env:RIDE_IMAGE } else { 'postgres:15' }
            $id = docker run -d -p 127.0.0.1::5432 -e POSTGRES_USER=ride_system -e POSTGRES_PASSWORD=bench -e POSTGRES_DB=postgres $image
            while ((docker exec $id pg_isready -h 127.0.0.1 -U ride_system 2>$null) -notmatch 'accepting') { Start-Sleep -Milliseconds 50 }
            Start-Sleep -Milliseconds 200
            docker exec -e PGPASSWORD=bench $id psql -X -q -h 127.0.0.1 -U ride_system -d postgres -c 'CREATE DATABASE incident' -c 'CREATE DATABASE app_db' -c 'CREATE ROLE app_user LOGIN' | Out-Null
            Get-Content -Raw (Join-Path $folder 'setup.sql') | docker exec -i -e PGPASSWORD=bench $id psql -X -q -h 127.0.0.1 -U ride_system -d incident -f - | Out-Null
            Get-Content -Raw (Join-Path $folder 'incident.sql') | docker exec -i -e PGPASSWORD=bench $id psql -X -q -h 127.0.0.1 -U ride_system -d incident -f - | Out-Null
            docker rm -f -v $id | Out-Null
        }) }
    }
    foreach ($baseline in $baselines) {
        Add-Row "Baseline by hand (${engine}, $($baseline.Where): server + setup.sql + incident.sql)" $baseline.Measure '' ('Ride warm / baseline = {0:N2}' -f ($warm.Median / $baseline.Measure.Median))
    }
}

# 3-4. Submit, score and reset on one warm Local session.
$s = Start-RideScenario $scenarioId -Engine Local 6>$null
Add-Row 'Get-RideScore' (Measure-Runs $Runs { Get-RideScore -Session $s }) '<= 0.2 s'
Add-Row 'Submit-RideFix solution.sql (incl. scoring)' (Measure-Runs $Runs -Before { $s | Reset-RideScenario -Confirm:$false } {
        Submit-RideFix -Session $s -Path (Join-Path $folder 'solution.sql') -ErrorAction SilentlyContinue
    }) '<= 1 s' 'a Reset before each run (not timed) so every fix meets the incident'
Add-Row 'Reset-RideScenario' (Measure-Runs $Runs { $s | Reset-RideScenario -Confirm:$false }) '<= 0.5 s'

# 6. Memory of one sandbox: after the submissions and resets above, and freshly started with the incident live.
function Add-MemoryRow([string] $When, $Session) {
    Start-Sleep -Seconds 3
    $state = Get-Content -Raw (Join-Path $env:RIDE_HOME "sessions/$($Session.SessionId)/session.json") | ConvertFrom-Json
    $pids = Get-SandboxPids $Session
    $pss = Get-MemoryMB $pids
    $actors = Get-MemoryMB @($state.ActorsPid)
    $buffers = Get-MemoryMB $pids 'Pss_Shmem'
    $where = if ($state.Nodes[0].DataDirectory -like '/dev/shm/*') { 'in tmpfs (memory)' } else { 'on disk' }
    $rows.Add([pscustomobject]@{
        Measurement = "Memory of one sandbox, $When (server + actors, proportional set size)"
        Median      = '{0:N1} MB' -f $pss
        Spread      = '{0:N1} MB resident' -f (Get-MemoryMB $pids 'Rss')
        Target      = '<= 80 MB'
        Note        = ('{0} processes: actors process {1:N1} MB, PostgreSQL shared memory {2:N1} MB; data directory {3:N0} MB {4}' -f $pids.Count, $actors, $buffers, (Get-DataMB $Session), $where)
    })
    Write-Host ("Memory ({0}): {1:N1} MB" -f $When, $pss)
}
Add-MemoryRow "after $Runs fixes and resets" $s
$s | Stop-RideScenario -Confirm:$false
$s = Start-RideScenario $scenarioId -Engine Local 6>$null
Add-MemoryRow 'just started' $s
$s | Stop-RideScenario -Confirm:$false

# 5. Grading throughput.
$files = foreach ($i in 1..$GradingFiles) {
    switch ($i % 5) {
        0 { Join-Path $folder 'solution.sql' }
        1 { Join-Path $folder 'traps/terminated-old-app.sql' }
        2 { Join-Path $folder 'traps/index-on-orders.sql' }
        3 { Join-Path $folder 'traps/destructive-change.sql' }
        default { Join-Path $folder 'solution.sql' }
    }
}
foreach ($parallel in 1, 2, 4) {
    $elapsed = Measure-Command {
        if ($parallel -eq 1) {
            $files | ForEach-Object {
                $g = Start-RideScenario $scenarioId -Engine Local 6>$null
                $g | Submit-RideFix -Path $_ -ErrorAction SilentlyContinue | Get-RideScore | Out-Null
                $g | Stop-RideScenario -Confirm:$false
            }
        } else {
            $module = $env:RIDE_MODULE_PATH
            $files | ForEach-Object -ThrottleLimit $parallel -Parallel {
                Import-Module $using:module
                $g = Start-RideScenario $using:scenarioId -Engine Local 6>$null
                $g | Submit-RideFix -Path $_ -ErrorAction SilentlyContinue | Get-RideScore | Out-Null
                $g | Stop-RideScenario -Confirm:$false
            }
        }
    }
    $perMinute = $GradingFiles / $elapsed.TotalMinutes
    $rows.Add([pscustomobject]@{ Measurement = "Grading $GradingFiles fixes, parallel $parallel (Start, Submit, Score, Stop)"; Median = ('{0:N1} /min' -f $perMinute); Spread = ('{0:N1} s total' -f $elapsed.TotalSeconds); Target = '>= 30 /min'; Note = '' })
    Write-Host ("Grading at parallel {0}: {1:N1} submissions/min" -f $parallel, $perMinute)
}

# 6b. Sandboxes side by side.
$started = [Collections.Generic.List[object]]::new()
try {
    foreach ($i in 1..$SideBySide) {
        try { $started.Add((Start-RideScenario $scenarioId -Engine Local 6>$null)) } catch { Write-Warning "Sandbox $i failed: $_"; break }
    }
    Start-Sleep -Seconds 2
    $total = 0
    $dataTotal = 0
    foreach ($one in $started) { $total += Get-MemoryMB (Get-SandboxPids $one); $dataTotal += Get-DataMB $one }
    $running = @($started | Where-Object { (Get-RideSession -Id $_.SessionId).Status -eq 'Running' }).Count
    $rows.Add([pscustomobject]@{ Measurement = "Sandboxes side by side (asked for $SideBySide)"; Median = "$running running"; Spread = ('{0:N0} MB in all, {1:N1} MB per sandbox (proportional)' -f $total, ($total / [Math]::Max(1, $started.Count))); Target = '20 without failure'; Note = ('data directories {0:N0} MB in all' -f $dataTotal) })
} finally {
    $started | Stop-RideScenario -Confirm:$false
}

# 7. Topologies: Start of the multi-node drills against the same topology built by hand, warm, and their memory.
# The shape, databases and roles come from scenario.yml; the incident's directives are followed by hand too.
function Get-Topology([string] $Folder) {
    $yaml = Get-Content -Raw (Join-Path $Folder 'scenario.yml')
    $databases = if ($yaml -match '(?m)^databases:\s*\[(?<list>[^\]]*)\]') { @($Matches.list -split ',' | ForEach-Object { $_.Trim() } | Where-Object { $_ }) } else { @() }
    $roles = if ($yaml -match '(?m)^roles:[ \t]*\n(?<block>(?:[ \t]+-?[ \t]*\w+:.*\n)+)') { @([regex]::Matches($Matches.block, 'name:\s*(\w+)') | ForEach-Object { $_.Groups[1].Value }) } else { @() }
    $pooler = if ($yaml -match '(?s)role:\s*pooler.*?settings:[ \t]*\n(?<block>(?:[ ]{6,}\w+:[^\n]*\n)+)') {
        @([regex]::Matches($Matches.block, '(?m)^[ \t]+(\w+):[ \t]*"?([^"\n]*)"?') | ForEach-Object { "$($_.Groups[1].Value) = $($_.Groups[2].Value)" })
    } elseif ($yaml -match 'role:\s*pooler') { @() } else { $null }
    [pscustomobject]@{ Replica = $yaml -match 'role:\s*replica'; Pooler = $pooler; Databases = $databases; Roles = $roles }
}

# The incident script's parts, each with the node it runs on (its '-- ride: node' directives) or the action it takes.
function Get-IncidentSteps([string] $Folder) {
    $node = 'primary'
    $part = [Text.StringBuilder]::new()
    foreach ($line in (Get-Content (Join-Path $Folder 'incident.sql'))) {
        if ($line -match '^\s*--\s*ride:\s*(node\s+(?<node>\w+)|action\s+(?<action>[\w-]+)\s*(?<target>\w+)?)') {
            if ($part.Length) { [pscustomobject]@{ Node = $node; Sql = $part.ToString() }; $part.Clear() | Out-Null }
            if ($Matches.node) { $node = $Matches.node } else { [pscustomobject]@{ Action = $Matches.action; Node = $Matches.target } }
        } else { $part.AppendLine($line) | Out-Null }
    }
    if ($part.Length) { [pscustomobject]@{ Node = $node; Sql = $part.ToString() } }
}

function Invoke-AsServer([string] $Program, [string[]] $Arguments) {
    if ($isRoot) { runuser -u postgres -- $Program @Arguments } else { & $Program @Arguments }
}

function Invoke-TopologyByHandLocal([string] $Folder, $Shape, [string] $Root, [int] $Run) {
    $dir = Join-Path $Root "topology-$Run"
    New-Item -ItemType Directory $dir | Out-Null
    Set-Content (Join-Path $dir 'pw') 'bench'
    if ($isRoot) { chown -R postgres: $dir; chmod 755 $Root }
    $ports = @{ primary = (Get-Random -Minimum 40000 -Maximum 45000); replica1 = (Get-Random -Minimum 45000 -Maximum 50000); pooler1 = (Get-Random -Minimum 50000 -Maximum 55000) }
    $env:PGPASSWORD = 'bench'
    $listen = "-c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
    Invoke-AsServer "$bin/initdb" @('-D', "$dir/primary", '-U', 'ride_system', '--pwfile', "$dir/pw", '--auth', 'scram-sha-256', '--no-sync', '--no-instructions', '-E', 'UTF8', '--locale', 'C') | Out-Null
    Invoke-AsServer "$bin/pg_ctl" @('start', '-D', "$dir/primary", '-l', "$dir/primary.log", '-w', '-s', '-o', "-p $($ports.primary) $listen") | Out-Null
    $servers = @('primary')
    if ($Shape.Replica) {
        Invoke-AsServer "$bin/pg_basebackup" @('-h', '127.0.0.1', '-p', $ports.primary, '-U', 'ride_system', '-D', "$dir/replica1", '-R', '-X', 'stream', '-c', 'fast', '--no-sync') | Out-Null
        Invoke-AsServer "$bin/pg_ctl" @('start', '-D', "$dir/replica1", '-l', "$dir/replica1.log", '-w', '-s', '-o', "-p $($ports.replica1) $listen") | Out-Null
        $servers += 'replica1'
    }
    if ($null -ne $Shape.Pooler) {
        $users = @('ride_system') + $Shape.Roles | ForEach-Object { "`"$_`" `"bench`"" }
        Set-Content "$dir/userlist.txt" $users
        Set-Content "$dir/pgbouncer.ini" (@('[databases]', "* = host=127.0.0.1 port=$($ports.primary)", '[pgbouncer]', 'listen_addr = 127.0.0.1', "listen_port = $($ports.pooler1)",
                'unix_socket_dir =', 'auth_type = scram-sha-256', "auth_file = $dir/userlist.txt", "pidfile = $dir/pgbouncer.pid", "logfile = $dir/pgbouncer.log") + $Shape.Pooler)
        if ($isRoot) { chown postgres: "$dir/userlist.txt" "$dir/pgbouncer.ini" }
        $pgbouncer = (Get-Command pgbouncer -ErrorAction Ignore).Source ?? '/usr/sbin/pgbouncer'
        Invoke-AsServer $pgbouncer @('-d', "$dir/pgbouncer.ini") | Out-Null
    }
    $create = @($Shape.Databases | ForEach-Object { "-c", "CREATE DATABASE $_" }) + @($Shape.Roles | ForEach-Object { "-c", "CREATE ROLE $_ LOGIN PASSWORD 'bench'" })
    & "$bin/psql" -X -q -h 127.0.0.1 -p $ports.primary -U ride_system -d postgres -c 'CREATE DATABASE incident' @create | Out-Null
    & "$bin/psql" -X -q -h 127.0.0.1 -p $ports.primary -U ride_system -d incident -f (Join-Path $Folder 'setup.sql') | Out-Null
    foreach ($step in Get-IncidentSteps $Folder) {
        if ($step.Action -eq 'stop-node') { Invoke-AsServer "$bin/pg_ctl" @('stop', '-D', "$dir/$($step.Node)", '-m', 'fast', '-s') | Out-Null; continue }
        $step.Sql | & "$bin/psql" -X -q -h 127.0.0.1 -p $ports[$step.Node] -U ride_system -d incident -f - | Out-Null
    }
    if ($null -ne $Shape.Pooler -and (Test-Path "$dir/pgbouncer.pid")) { Stop-Process -Id ([int](Get-Content "$dir/pgbouncer.pid")) -ErrorAction Ignore }
    foreach ($server in $servers) { Invoke-AsServer "$bin/pg_ctl" @('stop', '-D', "$dir/$server", '-m', 'immediate', '-s') 2>$null | Out-Null }
    Remove-Item -Recurse -Force $dir
}

function Invoke-TopologyByHandDocker([string] $Folder, $Shape, [int] $Run) {
    $image = if ($env:RIDE_IMAGE) { $env:RIDE_IMAGE } else { 'postgres:15' }
    $net = "ride-bench-$PID-$Run"
    docker network create $net | Out-Null
    $containers = @()
    try {
        $containers += docker run -d --network $net --network-alias primary -p 127.0.0.1::5432 --shm-size 1g -e POSTGRES_USER=ride_system -e POSTGRES_PASSWORD=bench $image postgres -c 'listen_addresses=*'
        while ((docker exec $containers[0] pg_isready -h 127.0.0.1 -U ride_system 2>$null) -notmatch 'accepting') { Start-Sleep -Milliseconds 50 }
        Start-Sleep -Milliseconds 200
        if ($Shape.Replica) {
            # The image's pg_hba.conf lets replication in from the container itself only, as an operator would find it.
            docker exec $containers[0] sh -c 'echo "host replication all all scram-sha-256" >> "$PGDATA/pg_hba.conf"' | Out-Null
            docker exec -u postgres $containers[0] sh -c 'pg_ctl reload -D "$PGDATA"' | Out-Null
            $containers += docker run -d --network $net --network-alias replica1 --user postgres -e PGPASSWORD=bench -e PGDATA=/tmp/data --entrypoint sh $image `
                -c 'pg_basebackup -h primary -U ride_system -D "$PGDATA" -R -X stream -c fast && exec postgres -D "$PGDATA"'
            while ((docker exec $containers[-1] pg_isready -h 127.0.0.1 2>$null) -notmatch 'accepting') {
                if ((docker inspect -f '{{.State.Running}}' $containers[-1]) -ne 'true') { throw "The replica by hand exited: $(docker logs $containers[-1] 2>&1 | Select-Object -Last 3)" }
                Start-Sleep -Milliseconds 50
            }
        }
        if ($null -ne $Shape.Pooler) {
            $pgbouncer = if ($env:RIDE_PGBOUNCER_IMAGE) { $env:RIDE_PGBOUNCER_IMAGE } else { 'edoburu/pgbouncer:latest' }
            $conf = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) "ride-bench-pgb-$PID-$Run")
            Set-Content "$conf/userlist.txt" (@('ride_system') + $Shape.Roles | ForEach-Object { "`"$_`" `"bench`"" })
            Set-Content "$conf/pgbouncer.ini" (@('[databases]', '* = host=primary port=5432', '[pgbouncer]', 'listen_addr = *', 'listen_port = 6432', 'unix_socket_dir =',
                    'auth_type = scram-sha-256', 'auth_file = /etc/bench/userlist.txt') + $Shape.Pooler)
            chmod -R a+rX $conf
            $containers += docker create --network $net -p 127.0.0.1::6432 --entrypoint pgbouncer $pgbouncer /etc/bench/pgbouncer.ini
            docker cp "$conf/." "$($containers[-1]):/etc/bench" | Out-Null
            docker start $containers[-1] | Out-Null
            Remove-Item -Recurse -Force $conf
        }
        $create = @($Shape.Databases | ForEach-Object { "-c", "CREATE DATABASE $_" }) + @($Shape.Roles | ForEach-Object { "-c", "CREATE ROLE $_ LOGIN PASSWORD 'bench'" })
        docker exec -e PGPASSWORD=bench $containers[0] psql -X -q -h 127.0.0.1 -U ride_system -d postgres -c 'CREATE DATABASE incident' @create | Out-Null
        Get-Content -Raw (Join-Path $Folder 'setup.sql') | docker exec -i -e PGPASSWORD=bench $containers[0] psql -X -q -h 127.0.0.1 -U ride_system -d incident -f - | Out-Null
        foreach ($step in Get-IncidentSteps $Folder) {
            $target = if ($step.Node -eq 'replica1') { $containers[1] } else { $containers[0] }
            if ($step.Action -eq 'stop-node') { docker stop $target | Out-Null; continue }
            $step.Sql | docker exec -i -e PGPASSWORD=bench $target psql -X -q -h 127.0.0.1 -U ride_system -d incident -f - | Out-Null
        }
    } finally {
        if ($containers) { docker rm -f -v @containers | Out-Null }
        docker network rm $net | Out-Null
    }
}

function Get-SessionMemory($Session) {
    $state = Get-Content -Raw (Join-Path $env:RIDE_HOME "sessions/$($Session.SessionId)/session.json") | ConvertFrom-Json
    if ($state.Engine -eq 'Docker') {
        # The engine's own account of each container (its cgroup), plus the actors process on this machine.
        $mb = 0
        foreach ($node in $state.Nodes) {
            $usage = (docker stats --no-stream --format '{{.MemUsage}}' $node.ContainerName) -split '/' | Select-Object -First 1
            if ($usage -match '([\d.]+)\s*(KiB|MiB|GiB)') { $mb += [double]$Matches[1] * @{ KiB = 1 / 1024; MiB = 1; GiB = 1024 }[$Matches[2]] }
        }
        return $mb + (Get-MemoryMB @($state.ActorsPid))
    }
    $pids = @($state.ActorsPid)
    foreach ($node in $state.Nodes) {
        if ($node.ServerPid) {
            $pids += $node.ServerPid
            $pids += @(Get-ChildItem /proc -Directory | Where-Object Name -match '^\d+$' | Where-Object {
                    (Get-Content "/proc/$($_.Name)/stat" -ErrorAction Ignore) -match "^\d+ \([^)]*\) \S (\d+)" -and [int]$Matches[1] -eq $node.ServerPid
                } | ForEach-Object { [int]$_.Name })
        }
        if ($node.GatewayPid) { $pids += $node.GatewayPid }
    }
    return Get-MemoryMB $pids
}

$topologyDrills = @('stage-04/01-replica-lag-stopped-replica', 'stage-03/04-pgbouncer-pool-exhausted') | Where-Object { Get-RideScenario $_ -ErrorAction Ignore }
foreach ($drill in $topologyDrills) {
    $drillFolder = (Get-RideScenario $drill).Path
    $shape = Get-Topology $drillFolder
    foreach ($engine in $engines) {
        Start-RideScenario $drill -Engine $engine 6>$null | Stop-RideScenario -Confirm:$false
        $warm = Measure-Runs $Runs { $t = Start-RideScenario $drill -Engine $engine 6>$null; $t | Stop-RideScenario -Confirm:$false }
        $byHand = if ($engine -eq 'Local') {
            $root = if (Test-Path /dev/shm) { (New-Item -ItemType Directory -Force "/dev/shm/ride-bench-topology-$PID").FullName } else { $env:RIDE_HOME }
            Measure-Runs $Runs { param($i) Invoke-TopologyByHandLocal $drillFolder $shape $root $i }
            if ($root -ne $env:RIDE_HOME) { Remove-Item -Recurse -Force $root }
        } else {
            Measure-Runs $Runs { param($i) Invoke-TopologyByHandDocker $drillFolder $shape $i }
        }
        $what = (@('primary') + $(if ($shape.Replica) { 'replica (pg_basebackup -R)' }) + $(if ($null -ne $shape.Pooler) { 'PgBouncer' })) -join ' + '
        Add-Row "Start-RideScenario $drill ($engine, warm)" $warm '<= 1.0 x by hand' ('Ride / by hand = {0:N2}' -f ($warm.Median / $byHand.Median))
        Add-Row "By hand ($engine): $what + setup.sql + incident.sql" $byHand
        $t = Start-RideScenario $drill -Engine $engine 6>$null
        Start-Sleep -Seconds 3
        $mb = Get-SessionMemory $t
        $rows.Add([pscustomobject]@{
            Measurement = "Memory of one $drill session ($engine, just started: every node + actors)"
            Median      = '{0:N1} MB' -f $mb
            Spread      = "$(@($t.Nodes).Count) nodes"
            Target      = ''
            Note        = $(if ($engine -eq 'Local') { 'proportional set size of every server, its children, gateways and PgBouncer' } else { 'docker stats of every container + the actors process' })
        })
        $t | Stop-RideScenario -Confirm:$false
    }
}

# 8. Data sizes: warm Start of stage-01/01 at 200k, 1M and 5M orders (seeded once, cloned by every start) against the same
# work by hand (server + setup.sql + incident.sql), and what one sandbox of each size costs in disk and memory.
function New-SizedMissingIndex([int] $Orders) {
    $source = (Get-RideScenario 'stage-01/01-missing-index').Path
    $target = Join-Path $env:RIDE_HOME "sized/$Orders/01-missing-index"
    New-Item -ItemType Directory -Path (Split-Path $target) -Force | Out-Null
    Copy-Item -Recurse $source $target
    $setup = Join-Path $target 'setup.sql'
    (Get-Content -Raw $setup) -replace '(?m)^\\set orders \d+$', "\set orders $Orders" -replace '(?m)^\\set customers \d+$', "\set customers $([int]($Orders / 20))" |
        Set-Content -Path $setup -NoNewline
    $target
}

function Get-SandboxDiskMB($Session) {
    $state = Get-Content -Raw (Join-Path $env:RIDE_HOME "sessions/$($Session.SessionId)/session.json") | ConvertFrom-Json
    if ($state.Engine -eq 'Docker') {
        # The container's own layer: what it copied up from the seed image's layer, which every container shares.
        $size = docker ps -s --filter "name=^$($state.Nodes[0].ContainerName)$" --format '{{.Size}}'
        if ($size -match '^([\d.]+)\s*(B|kB|MB|GB)') { return [double]$Matches[1] * @{ B = 1 / 1MB; kB = 1 / 1KB; MB = 1; GB = 1KB }[$Matches[2]] }
        return 0
    }
    return Get-DataMB $Session
}

$sizeRows = @{}
foreach ($orders in 200000, 1000000, 5000000) {
    $sized = New-SizedMissingIndex $orders
    foreach ($engine in $engines) {
        $seeding = Measure-Runs 1 { Start-RideScenario -Path $sized -Engine $engine 6>$null | Stop-RideScenario -Confirm:$false }
        $warm = Measure-Runs $SizeRuns { $t = Start-RideScenario -Path $sized -Engine $engine 6>$null; $t | Stop-RideScenario -Confirm:$false }
        $byHand = if ($engine -eq 'Local') {
            $root = if (Test-Path /dev/shm) { (New-Item -ItemType Directory -Force "/dev/shm/ride-bench-sized-$PID").FullName } else { $env:RIDE_HOME }
            Measure-Runs ([Math]::Min($SizeRuns, 2)) { param($i) Invoke-TopologyByHandLocal $sized (Get-Topology $sized) $root (100 + $i) }
            if ($root -ne $env:RIDE_HOME) { Remove-Item -Recurse -Force $root }
        } else {
            Measure-Runs ([Math]::Min($SizeRuns, 2)) { param($i) Invoke-TopologyByHandDocker $sized (Get-Topology $sized) (100 + $i) }
        }
        $sizeRows["$engine-$orders"] = $warm.Median
        $flat = if ($orders -ne 200000 -and $sizeRows["$engine-200000"]) { '; {0:N2} x the 200k start' -f ($warm.Median / $sizeRows["$engine-200000"]) } else { '' }
        Add-Row ("Start-RideScenario stage-01/01 at {0:N0} orders ({1}, warm)" -f $orders, $engine) $warm $(if ($orders -eq 5000000) { '<= 0.3 x by hand; <= 1.3 x the 200k start' } else { '' }) `
            ('Ride / by hand = {0:N2}{1}' -f ($warm.Median / $byHand.Median), $flat)
        Add-Row ("By hand ({0}): server + setup.sql at {1:N0} orders + incident.sql" -f $engine, $orders) $byHand
        Add-Row ("Seeding stage-01/01 at {0:N0} orders ({1}, first start of the version)" -f $orders, $engine) $seeding '' 'once per scenario version; later starts clone it'

        $t = Start-RideScenario -Path $sized -Engine $engine 6>$null
        Start-Sleep -Seconds 3
        $disk = Get-SandboxDiskMB $t
        $memory = Get-SessionMemory $t
        $t | Stop-RideScenario -Confirm:$false
        $fit = ''
        if ($orders -eq 5000000) {
            $free = (Get-PSDrive -PSProvider FileSystem | Where-Object Root -eq '/').Free / 1MB
            $fit = if ($engine -eq 'Local') {
                $shm = [double](((df -k --output=avail /dev/shm) | Select-Object -Last 1).Trim()) / 1KB
                $inMemory = [Math]::Max(0, [Math]::Floor(($shm - 1024) / (2 * $disk)))
                '; side by side here: {0} in /dev/shm (each needs room to double and 1 GiB stays free), then about {1} more on disk' -f $inMemory, [Math]::Floor($free / (2 * $disk))
            } else {
                '; side by side here: the seed layer is shared, so disk is not the limit; memory is ({0:N0} of them in this RAM)' -f [Math]::Floor(((Get-Content /proc/meminfo -TotalCount 1).Split(' ', [StringSplitOptions]::RemoveEmptyEntries)[1] / 1KB) / [Math]::Max(1, $memory))
            }
        }
        $rows.Add([pscustomobject]@{
            Measurement = "One stage-01/01 sandbox at $('{0:N0}' -f $orders) orders ($engine, just started)"
            Median      = ('{0:N0} MB disk, {1:N0} MB memory' -f $disk, $memory)
            Spread      = ''
            Target      = ''
            Note        = $(if ($engine -eq 'Local') { 'disk: the data directory (a copy of the seed, in /dev/shm when it fits); memory: proportional set size' } else { 'disk: the container''s own layer over the shared seed image; memory: docker stats + actors' }) + $fit
        })
    }
}

$pg = & "$bin/postgres" --version
$docker = if ($engines -contains 'Docker') { (docker version --format '{{.Server.Version}}' 2>$null) } else { 'not available' }
$report = @"
# Ride benchmarks

Measured with ``build.ps1 -Task Bench`` on $(Get-Date -AsUTC -Format 'yyyy-MM-dd HH:mm') UTC.
Machine: $([Environment]::ProcessorCount) cores, $([Math]::Round((Get-Content /proc/meminfo -TotalCount 1).Split(' ', [StringSplitOptions]::RemoveEmptyEntries)[1] / 1MB, 1)) GiB, $([Runtime.InteropServices.RuntimeInformation]::OSDescription).
PostgreSQL: $pg. Docker engine: $docker. PowerShell $($PSVersionTable.PSVersion). Runs per figure: $Runs (median and min-max).
Scenario: $scenarioId.

| Measurement | Median | Spread | Target | Note |
|---|---|---|---|---|
$(($rows | ForEach-Object { "| $($_.Measurement) | $($_.Median) | $($_.Spread) | $($_.Target) | $($_.Note) |" }) -join "`n")

How to read it:
- Start ends when the incident is live: actors connected, incident applied, every loop actor's first request after it logged.
- Multi-node starts (the drills with a replica or PgBouncer) are compared with the same topology built by hand in the same run: initdb,
  start, pg_basebackup -R, start, PgBouncer with its ini, the drill's setup.sql and its incident (directives followed by hand).
- Every start clones its scenario's seeded snapshot (the state after setup, built by the first start of each scenario version): a copy
  of a data directory on Local, a container on the seed image's layer on Docker. The stage-01/01 rows at three sizes show that a warm
  start does not grow with the data; the seeding row is the one-time cost.
- Warm Local starts copy the cluster prepared by the cold one. Their data lives in tmpfs when /dev/shm has room, so the baseline by hand
  is measured both on disk and on tmpfs; the tmpfs one is the like-for-like comparison.
- Memory is the proportional set size (shared pages split among the processes that map them), summed over the postmaster, its children
  and the actors process. "PostgreSQL shared memory" is the part of shared_buffers and other shared memory those processes touched: it
  grows with the data a session works on, up to shared_buffers (128 MB by default). The data directory is not counted; on tmpfs it is
  memory too, and the note gives its size.
"@
Set-Content -Path $OutputPath -Value $report
Remove-Item -Recurse -Force $env:RIDE_HOME -ErrorAction Ignore
Write-Host "Wrote $OutputPath"
