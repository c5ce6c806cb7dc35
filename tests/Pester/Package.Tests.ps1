# The path a user takes from the gallery, against a local file repository: publish the built module, then, in a
# fresh pwsh, register the repository, Install-PSResource Ride, import it by name and use it.
# Every pwsh started here gets a temporary HOME and XDG_DATA_HOME: PSResourceGet keeps its repository list under
# XDG_DATA_HOME and installs CurrentUser modules under HOME, so the user's real repositories and modules are
# never touched.
BeforeAll {
    Import-Module $env:RIDE_MODULE_PATH -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-RideTest

    $suffix = [Guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:moduleFolder = Split-Path $env:RIDE_MODULE_PATH
    $script:work = Join-Path ([IO.Path]::GetTempPath()) "ride-package-$suffix"
    $script:repository = Join-Path $script:work 'repository'
    $script:userHome = Join-Path $script:work 'home'
    $script:repositoryName = "RideTest$suffix"
    New-Item -ItemType Directory -Path $script:repository, (Join-Path $script:userHome '.local/share') -Force | Out-Null

    # Runs a script in a brand-new pwsh with the temporary home, from the temporary folder (the NuGet client inside
    # PSResourceGet writes a NuGet/NuGet.Config into the working directory); returns its output, throws when it fails.
    function Invoke-IsolatedPwsh([string] $Script) {
        $exe = [Environment]::ProcessPath
        $prefix = @()
        if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $prefix = @([Environment]::GetCommandLineArgs()[0]) }
        $saved = @{}
        $environment = @{ HOME = $script:userHome; XDG_DATA_HOME = (Join-Path $script:userHome '.local/share'); RIDE_SCENARIO_PATH = $null }
        foreach ($name in $environment.Keys) {
            $saved[$name] = [Environment]::GetEnvironmentVariable($name)
            [Environment]::SetEnvironmentVariable($name, $environment[$name])
        }
        Push-Location $script:work
        try {
            $output = & $exe @prefix -NoProfile -NonInteractive -Command "`$ErrorActionPreference = 'Stop'; $Script" 2>&1
            if ($LASTEXITCODE -ne 0) { throw "pwsh failed ($LASTEXITCODE): $($output -join [Environment]::NewLine)" }
            return $output
        } finally {
            Pop-Location
            foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        }
    }
}

AfterAll {
    if ($script:work -and (Test-Path $script:work)) {
        Invoke-IsolatedPwsh "Unregister-PSResourceRepository -Name '$script:repositoryName' -ErrorAction Ignore" | Out-Null
        Remove-Item -Recurse -Force $script:work
    }
}

Describe 'Installing Ride from a PSResourceGet repository' -Skip:$IsWindows {
    It 'publishes the built module to a local file repository' {
        Invoke-IsolatedPwsh @"
Register-PSResourceRepository -Name '$script:repositoryName' -Uri '$script:repository' -Trusted
Publish-PSResource -Path '$script:moduleFolder' -Repository '$script:repositoryName' -SkipDependenciesCheck
"@ | Out-Null
        $version = (Import-PowerShellDataFile $env:RIDE_MODULE_PATH).ModuleVersion
        Join-Path $script:repository "Ride.$version.nupkg" | Should -Exist
    }

    It 'installs Ride by name in a fresh pwsh, imports it and lists the catalog' {
        # Registered afresh, as a user would: the publishing process left its registration in the same temporary home.
        $output = Invoke-IsolatedPwsh @"
Unregister-PSResourceRepository -Name '$script:repositoryName' -ErrorAction Ignore
Register-PSResourceRepository -Name '$script:repositoryName' -Uri '$script:repository'
Install-PSResource Ride -Repository '$script:repositoryName' -TrustRepository -Scope CurrentUser
Import-Module Ride
'base=' + (Get-Module Ride).ModuleBase
'commands=' + @(Get-Command -Module Ride).Count
'scenario=' + (Get-RideScenario stage-09/05).Id
'ride=' + (Get-Command ride).ResolvedCommand.Name
"@
        $values = @{}
        foreach ($line in $output) { if ("$line" -match '^(\w+)=(.*)$') { $values[$Matches[1]] = $Matches[2] } }
        $values.base | Should -BeLike "$script:userHome*" -Because 'the module must come from the temporary install, not from the build folder'
        [int]$values.commands | Should -Be @(Get-Command -Module Ride).Count
        $values.scenario | Should -Be 'stage-09/05-backward-incompatible-migration'
        $values.ride | Should -Be 'Invoke-Ride'
    }

    It 'starts a drill from the installed module, with its actors running' {
        # A package keeps no execute bit: the installed native actors program must still run (Ride restores the bit).
        $output = Invoke-IsolatedPwsh @"
`$env:RIDE_HOME = Join-Path '$script:work' 'ride-home'
Import-Module Ride
`$s = Start-RideScenario stage-09/05 -Engine Local 6>`$null
try {
    `$actors = (Get-Content -Raw (Join-Path `$env:RIDE_HOME "sessions/`$(`$s.SessionId)/session.json") | ConvertFrom-Json).ActorsPid
    'exe=' + (Get-Item "/proc/`$actors/exe").LinkTarget
    'apps=' + @(Get-RideActivity -Session `$s -ApplicationName 'old_app*').Count
    'base=' + (Get-Module Ride).ModuleBase
} finally {
    `$s | Stop-RideScenario -Confirm:`$false
}
"@
        $values = @{}
        foreach ($line in $output) { if ("$line" -match '^(\w+)=(.*)$') { $values[$Matches[1]] = $Matches[2] } }
        [int]$values.apps | Should -Be 2
        $native = Join-Path $values.base "native/$([Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier)/Ride.Actors"
        if (Test-Path (Join-Path $script:moduleFolder "native/$([Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier)/Ride.Actors")) {
            $values.exe | Should -Be $native
        } else {
            $values.exe | Should -BeLike '*dotnet'
        }
    }
}
