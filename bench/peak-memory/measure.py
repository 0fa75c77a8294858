# usage: measure.py WORK BIN_DIR LABEL PORT [with-pupils]   (WORK: the folder gen.py wrote the files to)
import sys, os, subprocess, time, re, sqlite3, requests, shutil
WORK, bin_dir, label, port = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
with_pupils = len(sys.argv) > 5
data = f"{WORK}/data-{label}"
shutil.rmtree(data, ignore_errors=True); os.makedirs(data)
dll = f"{bin_dir}/stepwise.dll"
env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Production", DOTNET_gcServer="0")
subprocess.run(["dotnet", dll, "demo", "--data", data], check=True, env=env, stdout=subprocess.DEVNULL)
urn = 990006
if with_pupils:
    subprocess.run(["dotnet", dll, "import", "pupils", f"{WORK}/pupils.csv", "--school", str(urn), "--data", data, "--json"], check=True, env=env, stdout=subprocess.DEVNULL)
server = subprocess.Popen(["dotnet", dll, "serve", "--data", data, "--urls", f"http://127.0.0.1:{port}"], env=env, stdout=open(f"{data}/server.log", "w"), stderr=subprocess.STDOUT)
base = f"http://127.0.0.1:{port}"
def status(key):
    for line in open(f"/proc/{server.pid}/status"):
        if line.startswith(key): return int(line.split()[1]) // 1024
try:
    for _ in range(120):
        try:
            requests.get(base + "/sign-in", timeout=2); break
        except Exception: time.sleep(1)
    s = requests.Session()
    token = lambda html: re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html).group(1)
    r = s.get(base + "/sign-in")
    r = s.post(base + "/sign-in", data={"Input.Email": "raj.patel@larkhaven.example", "Input.Password": "stepwise-demo-2026", "__RequestVerificationToken": token(r.text)})
    page = s.get(f"{base}/schools/{urn}/imports"); assert page.status_code == 200, page.status_code
    before = (status("VmHWM"), status("VmRSS"))
    t0 = time.time()
    with open(f"{WORK}/attendance.csv", "rb") as f:
        r = s.post(f"{base}/schools/{urn}/imports", data={"Input.Kind": "attendance", "__RequestVerificationToken": token(page.text)},
                   files={"Input.File": ("attendance.csv", f, "text/csv")}, allow_redirects=False)
    loc = r.headers.get("Location"); print("upload", r.status_code, loc, f"{time.time()-t0:.1f}s")
    while True:
        p = s.get(base + loc).text
        if "Waiting to start" not in p and "Importing" not in p: break
        time.sleep(2)
    took = time.time() - t0
    hwm = status("VmHWM")
    t1 = time.time(); s.get(f"{base}/schools/{urn}/imports"); list_ms = (time.time() - t1) * 1000
    db = sqlite3.connect(f"{data}/stepwise.db")
    size = db.execute("select length(Report), Status from ImportJobs order by Id desc limit 1").fetchone()
    m = re.search(r'<p class="lede" role="status">([^<]*)', p)
    print(f"{label}: peak RSS (VmHWM) before upload {before[0]} MB (RSS {before[1]} MB), after import {hwm} MB; import {took:.0f} s; "
          f"job {size[1]}, report row {size[0]} chars; imports page {list_ms:.0f} ms; db {os.path.getsize(data + '/stepwise.db')/1e6:.0f} MB; status: {m.group(1) if m else '?'}")
finally:
    server.terminate(); server.wait()
