<#
.SYNOPSIS
    Builds, tests, documents, packages and benchmarks the Ride module.
.DESCRIPTION
    Tasks run in the order given. Every task is safe to re-run and skips work that is already done.
      Bootstrap  restore the PowerShell tool and Pester; install PostgreSQL server packages when root on Debian/Ubuntu
      Build      produce the ready-to-import module folder out/Ride
      Docs       turn docs/help/*.md into MAML and about help under out/Ride/en-US
      Test       run the core's xUnit tests, then the Pester suite against out/Ride in a fresh pwsh; last line: 'N passed, N failed'
      Package    publish out/Ride to a local PSResourceGet file repository (out/repository)
      Bench      measure start, reset, score and grading throughput; writes docs/benchmarks.md
.EXAMPLE
    dotnet pwsh -NoProfile -File ./build.ps1 -Task Bootstrap,Test
#>
[CmdletBinding()]
param(
    # One or more of Bootstrap, Build, Docs, Test, Package, Bench (a comma-separated string works with -File too).
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Test: only these test files (names or paths under tests/Pester).
    [string[]] $TestPath,

    # Test: skip the Docker engine set-up and the Docker-engine tests.
    [switch] $NoDocker
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$KnownTasks = @('Bootstrap', 'Build', 'Docs', 'Test', 'Package', 'Bench')
$Task = @($Task | ForEach-Object { $_ -split ',' } | ForEach-Object { $_.Trim() } | Where-Object { $_ })
foreach ($name in $Task) {
    if ($name -notin $KnownTasks) { throw "Unknown task '$name'. Known tasks: $($KnownTasks -join ', ')." }
}
$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'Ride'
$PesterVersion = '5.7.1'

function Write-Step([string] $Message) { Write-Host "==> $Message" -ForegroundColor Cyan }

function Invoke-Native {
    param([string] $FilePath, [string[]] $ArgumentList)
    & $FilePath @ArgumentList
    if ($LASTEXITCODE -ne 0) { throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE." }
}

function Get-ModuleVersion {
    $props = [xml](Get-Content -Raw (Join-Path $Root 'src/Directory.Build.props'))
    return $props.Project.PropertyGroup.Version
}

function Get-PesterManifest {
    $nugetRoot = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    return Join-Path $nugetRoot "pester/$PesterVersion/tools/Pester.psd1"
}

# The command line of the pwsh running this script, so tests run in a fresh process of the same PowerShell.
function Get-PwshCommand {
    $exe = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') {
        return @($exe, [Environment]::GetCommandLineArgs()[0])
    }
    return @($exe)
}

function Test-IsRoot { return (-not $IsWindows) -and ((id -u) -eq '0') }

function Invoke-Bootstrap {
    Write-Step 'Restoring the PowerShell tool and Pester'
    Push-Location $Root
    try {
        Invoke-Native dotnet @('tool', 'restore')
        if (-not (Test-Path (Get-PesterManifest))) {
            Invoke-Native dotnet @('restore', (Join-Path $Root 'build/deps.csproj'), '--verbosity', 'quiet')
        }
    } finally { Pop-Location }

    $isDebian = (Test-Path /etc/debian_version)
    # The native actors program (see Invoke-Build) needs clang; without it the actors run on .NET.
    if ($IsLinux -and -not (Get-Command clang -ErrorAction Ignore)) {
        if ($isDebian -and (Test-IsRoot)) {
            Write-Step 'Installing the native toolchain for the actors program (apt: clang, zlib1g-dev)'
            $env:DEBIAN_FRONTEND = 'noninteractive'
            Invoke-Native apt-get @('update', '-qq')
            Invoke-Native apt-get @('install', '-y', '-qq', 'clang', 'zlib1g-dev')
        } else {
            Write-Warning 'clang was not found: the actors program will run on .NET instead of natively (slower start, more memory per sandbox). Install clang and zlib1g-dev to build it natively.'
        }
    }

    # The Local engine jails every sandbox in bubblewrap; it does not run without it.
    $haveServer = @(Get-ChildItem -Path '/usr/lib/postgresql/*/bin/initdb' -ErrorAction Ignore).Count -gt 0 -or (Get-Command initdb -ErrorAction Ignore)
    $missing = @()
    if (-not $haveServer) { $missing += 'postgresql', 'postgresql-contrib' }
    if ($IsLinux -and -not (Get-Command bwrap -ErrorAction Ignore)) { $missing += 'bubblewrap' }
    # Drills with a pooler run Debian's PgBouncer on the Local engine.
    if ($IsLinux -and -not (Get-Command pgbouncer -ErrorAction Ignore) -and -not (Test-Path /usr/sbin/pgbouncer)) { $missing += 'pgbouncer' }
    if ($missing.Count -eq 0) { return }
    if ($isDebian -and (Test-IsRoot)) {
        Write-Step "Installing $($missing -join ', ') (apt)"
        $env:DEBIAN_FRONTEND = 'noninteractive'
        Invoke-Native apt-get @('update', '-qq')
        Invoke-Native apt-get (@('install', '-y', '-qq') + $missing)
    } elseif ($isDebian) {
        Write-Warning "These packages were not found: $($missing -join ', '). Install them with: sudo apt-get install -y $($missing -join ' ')"
    } elseif ($IsMacOS) {
        Write-Warning 'PostgreSQL server binaries were not found. Install them with: brew install postgresql@15'
    } else {
        Write-Warning 'PostgreSQL server binaries were not found. Install PostgreSQL 15 or later and put its bin folder on PATH (or set RIDE_PG_BIN), or use Docker.'
    }
}

function Test-UpToDate([string] $Target, [string[]] $Inputs) {
    if (-not (Test-Path $Target)) { return $false }
    $built = (Get-Item $Target).LastWriteTimeUtc
    $newest = Get-ChildItem -Path $Inputs -Recurse -File -ErrorAction Ignore |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' } |
        Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1
    return ($null -eq $newest) -or ($newest.LastWriteTimeUtc -le $built)
}

function Invoke-Build {
    $stamp = Join-Path $ModuleOut 'Ride.psd1'
    $inputs = @('src', 'module', 'scenarios', 'docs/help', 'build', 'build.ps1') | ForEach-Object { Join-Path $Root $_ }
    $nativeMissing = $IsLinux -and (Get-Command clang -ErrorAction Ignore) -and
        -not (Test-Path (Join-Path $ModuleOut "native/$([Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier)/Ride.Actors"))
    if (-not $nativeMissing -and (Test-UpToDate $stamp $inputs)) {
        Write-Step "out/Ride is up to date"
        return
    }

    Write-Step "Building Ride ($Configuration)"
    # The module (library) and the actors program are published side by side; both use the same Npgsql.
    $publish = Join-Path $Out 'publish'
    if (Test-Path $publish) { Remove-Item $publish -Recurse -Force }
    foreach ($project in 'Ride.Cmdlets', 'Ride.Actors') {
        Invoke-Native dotnet @('publish', (Join-Path $Root "src/$project/$project.csproj"), '-c', $Configuration, '-o', (Join-Path $publish $project), '--nologo', '-v', 'quiet')
    }

    if (Test-Path $ModuleOut) { Remove-Item $ModuleOut -Recurse -Force }
    New-Item -ItemType Directory -Path $ModuleOut | Out-Null

    # The module ships exactly these files; a missing one fails the build.
    $binaries = @(
        'Ride.Cmdlets.dll'
        'Ride.Core.dll'
        'Ride.Actors.dll'
        'Ride.Actors.runtimeconfig.json'
        'Ride.Actors.deps.json'
        'Npgsql.dll'
        'Microsoft.Extensions.Logging.Abstractions.dll'
        'YamlDotNet.dll'
        'Docker.DotNet.dll'
        'Docker.DotNet.Handler.Abstractions.dll'
        'Docker.DotNet.LegacyHttp.dll'
        'Docker.DotNet.NativeHttp.dll'
        'Docker.DotNet.NPipe.dll'
        'Docker.DotNet.Unix.dll'
        'Microsoft.Net.Http.Client.dll'
        'System.IO.Pipelines.dll'
    )
    foreach ($file in $binaries) {
        $source = @('Ride.Cmdlets', 'Ride.Actors') | ForEach-Object { Join-Path $publish "$_/$file" } | Where-Object { Test-Path $_ } | Select-Object -First 1
        if (-not $source) { throw "Build output is missing '$file' (looked in $publish)." }
        Copy-Item $source $ModuleOut
    }

    Publish-NativeActors

    Copy-Item (Join-Path $Root 'module/Ride.Format.ps1xml') $ModuleOut
    Copy-Item (Join-Path $Root 'LICENSE') $ModuleOut
    $manifest = (Get-Content -Raw (Join-Path $Root 'module/Ride.psd1')).Replace('{{ModuleVersion}}', (Get-ModuleVersion))
    Set-Content -Path (Join-Path $ModuleOut 'Ride.psd1') -Value $manifest -Encoding utf8NoBOM
    Copy-Item (Join-Path $Root 'scenarios') (Join-Path $ModuleOut 'scenarios') -Recurse
    Invoke-Docs
    (Get-Item (Join-Path $ModuleOut 'Ride.psd1')).LastWriteTimeUtc = [DateTime]::UtcNow
    Write-Step "Built $ModuleOut"
}

# The actors program compiled ahead of time for this platform, under native/<rid>: a sandbox's actors then start in
# milliseconds and need a third of the memory. Ride falls back to Ride.Actors.dll on .NET where it is missing.
function Publish-NativeActors {
    if (-not $IsLinux) { return }
    if (-not (Get-Command clang -ErrorAction Ignore)) {
        Write-Warning 'clang was not found: building without the native actors program (the actors will run on .NET).'
        return
    }
    $rid = [Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
    Write-Step "Compiling the actors program ahead of time ($rid)"
    $native = Join-Path $Out "native/$rid"
    Invoke-Native dotnet @('publish', (Join-Path $Root 'src/Ride.Actors/Ride.Actors.csproj'), '-c', $Configuration, '-r', $rid,
        '-p:PublishAot=true', '-o', $native, '--nologo', '-v', 'quiet')
    $target = New-Item -ItemType Directory -Force -Path (Join-Path $ModuleOut "native/$rid")
    Copy-Item (Join-Path $native 'Ride.Actors') $target
}

function Invoke-Docs {
    $converter = Join-Path $Root 'build/Convert-HelpMarkdown.ps1'
    if (-not (Test-Path $converter)) { return }
    Write-Step 'Generating help (MAML)'
    & $converter -SourcePath (Join-Path $Root 'docs/help') -DestinationPath (Join-Path $ModuleOut 'en-US') -ModuleName Ride -AssemblyName Ride.Cmdlets
}

function Start-TestDocker {
    $script:StartedDocker = $false
    if ($NoDocker -or $IsWindows) { return }
    $starter = Join-Path $Root 'tests/docker/start-dockerd.sh'
    if (-not (Test-Path $starter)) { return }
    Write-Step 'Preparing the Docker engine and the test image'
    $envFile = Join-Path $Out 'docker.env'
    New-Item -ItemType Directory -Force -Path $Out | Out-Null
    Invoke-Native bash @($starter, $envFile)
    foreach ($line in Get-Content $envFile) {
        if ($line -match '^(?:export\s+)?(?<name>[A-Z_]+)=(?<value>.*)$') {
            Set-Item -Path "env:$($Matches.name)" -Value $Matches.value.Trim('"', "'")
            if ($Matches.name -eq 'RIDE_STARTED_DOCKERD') { $script:StartedDocker = $true }
        }
    }
    Invoke-Native bash @((Join-Path $Root 'tests/docker/build-test-image.sh'))
    Invoke-Native bash @((Join-Path $Root 'tests/docker/build-pgbouncer-image.sh'))
    # No image is ever pulled in tests: Docker sandboxes and poolers run the images built above.
    $env:RIDE_IMAGE = 'ride-test/postgres:15'
    $env:RIDE_PGBOUNCER_IMAGE = 'ride-test/pgbouncer:1'
}

function Stop-TestDocker {
    if ($script:StartedDocker) {
        & bash (Join-Path $Root 'tests/docker/stop-dockerd.sh') (Join-Path $Out 'docker.env')
    }
}

function Invoke-Test {
    $pester = Get-PesterManifest
    if (-not (Test-Path $pester)) { Invoke-Bootstrap }
    $testRoot = Join-Path $Root 'tests/Pester'
    $paths = if ($TestPath) {
        $TestPath | ForEach-Object { $_ -split ',' } | Where-Object { $_ } | ForEach-Object { if (Test-Path $_) { (Resolve-Path $_).Path } else { Join-Path $testRoot $_ } }
    } else { @($testRoot) }

    $summary = Join-Path $Out 'test-summary.json'
    Remove-Item $summary -ErrorAction Ignore
    $unit = Invoke-UnitTests
    $runner = Join-Path $Root 'tests/Invoke-RideTests.ps1'
    $env:RIDE_MODULE_PATH = Join-Path $ModuleOut 'Ride.psd1'
    if ($NoDocker) { $env:RIDE_TEST_NO_DOCKER = '1' }
    $pwsh = @(Get-PwshCommand)
    # The suite runs in one long process on a small machine: profile-guided re-compilation costs it more CPU
    # (a core's worth of seconds per drill) than the faster code it produces gives back.
    $env:DOTNET_TieredPGO = '0'
    try {
        Start-TestDocker
        $pwshArgs = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $runner, '-PesterManifest', $pester, '-SummaryPath', $summary, '-Path', ($paths -join ','))
        & $pwsh[0] @pwshArgs
    } finally {
        Stop-TestDocker
    }

    if (-not (Test-Path $summary)) {
        Write-Host '0 passed, 1 failed'
        throw 'The test run ended without a summary (the test process crashed).'
    }
    $result = Get-Content -Raw $summary | ConvertFrom-Json
    foreach ($failure in @($result.Failures | Where-Object { $_ })) {
        $text = ($failure -replace '\s+', ' ')
        Write-Host ('FAILED ' + $text.Substring(0, [Math]::Min(400, $text.Length)))
    }
    $passed = [int]$result.Passed + $unit.Passed
    $failed = [int]$result.Failed + $unit.Failed
    if ([int]$result.Passed + [int]$result.Failed -eq 0 -or $unit.Passed + $unit.Failed -eq 0) { $failed = [Math]::Max($failed, 1) }
    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0) { exit 1 }
}

# The core's xUnit tests (pure logic, no server): counted in the summary line with the Pester suite.
function Invoke-UnitTests {
    Write-Step 'Running the core unit tests (xUnit)'
    $results = Join-Path $Out 'unit-tests'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    & dotnet test (Join-Path $Root 'tests/Ride.Core.Tests/Ride.Core.Tests.csproj') -c $Configuration --nologo -v quiet `
        --logger 'trx;LogFileName=unit.trx' --logger 'console;verbosity=minimal' --results-directory $results | Out-Host
    $trx = Join-Path $results 'unit.trx'
    if (-not (Test-Path $trx)) {
        Write-Warning 'The unit tests produced no results (they did not build or the runner crashed).'
        return [pscustomobject]@{ Passed = 0; Failed = 1 }
    }
    $counters = ([xml](Get-Content -Raw $trx)).TestRun.ResultSummary.Counters
    return [pscustomobject]@{ Passed = [int]$counters.passed; Failed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout }
}

function Invoke-Package {
    Invoke-Build
    $repository = Join-Path $Out 'repository'
    New-Item -ItemType Directory -Force -Path $repository | Out-Null
    $name = 'RideBuildLocal'
    Write-Step "Publishing Ride to the local repository $repository"
    if (Get-PSResourceRepository -Name $name -ErrorAction Ignore) { Unregister-PSResourceRepository -Name $name }
    Register-PSResourceRepository -Name $name -Uri $repository -Trusted
    try {
        Get-ChildItem $repository -Filter 'Ride.*.nupkg' | Remove-Item
        Publish-PSResource -Path $ModuleOut -Repository $name -SkipDependenciesCheck
    } finally {
        Unregister-PSResourceRepository -Name $name
    }
}

function Invoke-Bench {
    $bench = Join-Path $Root 'tests/Bench/Invoke-RideBench.ps1'
    if (-not (Test-Path $bench)) { throw 'The benchmark (tests/Bench/Invoke-RideBench.ps1) is not part of this version.' }
    Invoke-Build
    $pwsh = @(Get-PwshCommand)
    $env:RIDE_MODULE_PATH = Join-Path $ModuleOut 'Ride.psd1'
    try {
        # The Docker figures run on the same private engine and local image as the tests (-NoDocker skips them).
        Start-TestDocker
        & $pwsh[0] @(@($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $bench, '-OutputPath', (Join-Path $Root 'docs/benchmarks.md')))
        if ($LASTEXITCODE -ne 0) { throw "The benchmark failed (exit code $LASTEXITCODE)." }
    } finally {
        Stop-TestDocker
    }
}

foreach ($step in $Task) {
    switch ($step) {
        'Bootstrap' { Invoke-Bootstrap }
        'Build' { Invoke-Build }
        'Docs' { Invoke-Build; Invoke-Docs }
        'Test' { Invoke-Build; Invoke-Test }
        'Package' { Invoke-Package }
        'Bench' { Invoke-Bench }
    }
}
