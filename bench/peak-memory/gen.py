# Same layout as bench/Stepwise.Benchmarks.Import/AttendanceFiles.cs (UPN B{i:011}{i%10}, ISO weeks from 2023-W01, 10 sessions).
import sys, datetime, random
rows, periods, folder = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
pupils = (rows + periods - 1) // periods
upn = lambda i: f"B{i:011d}{i%10}"
with open(f"{folder}/pupils.csv", "w", newline="") as w:
    w.write("UPN,Year,Gender,Pupil Premium,SEN Status,EAL\n")
    for i in range(pupils):
        w.write(f"{upn(i)},{7+i%5},{'F' if i%2==0 else 'M'},{'Y' if i%4==0 else 'N'},{'K' if i%7==0 else 'N'},{'Y' if i%6==0 else 'N'}\n")
monday = datetime.date.fromisocalendar(2023, 1, 1)
weeks = []
for k in range(periods):
    d = monday + datetime.timedelta(days=7*k); y, wk, _ = d.isocalendar(); weeks.append(f"{y}-W{wk:02d}")
r = random.Random(20250101)
with open(f"{folder}/attendance.csv", "w", newline="", buffering=1<<16) as w:
    w.write("UPN,Period,Possible,Present,Authorised,Unauthorised\n")
    n = 0
    for i in range(pupils):
        habit = 5 if i%20==0 else 2 if i%5==0 else 1
        for k in range(periods):
            if n >= rows: break
            a = r.randrange(0, 3*habit)//3; u = r.randrange(0, 2*habit)//3
            w.write(f"{upn(i)},{weeks[k]},10,{10-a-u},{a},{u}\n"); n += 1
