#!/usr/bin/env python3
"""Writes a deterministic synthetic roster of N students for benchmarks.

Usage: make-roster.py N OUT.csv
Covers every band (scores 200 to 270 and pending practice ranges), Step 1 pass, fail and
numeric, every stage, both cycles (Match 2027 and 2028), and every pathway. Fixed seed: the
same N always gives the same file.
"""
import csv
import random
import sys

COLUMNS = ["id", "name", "match_year", "stage", "degree", "step1", "step1_attempts", "step2ck_score",
           "step2ck_date", "step2ck_practice", "step2ck_extra_prep", "clerkships_internal_medicine",
           "clerkships_surgery", "clerkships_radiology", "ir_interest_group", "ir_shadowing", "ir_mentor",
           "ir_conferences", "research_case_reports", "research_ir_abstracts", "letters_ir", "letters_dr",
           "letters_core_clerkship", "rotations_home_ir", "rotations_away_ir", "rotations_sub_internship",
           "pathway", "geography_flexible", "geography_regions", "concerns"]
GRADES = ["honors", "high_pass", "pass", "fail", "pending"]
FIRST = ["Jordan", "Sam", "Casey", "Riley", "Morgan", "Taylor", "Avery", "Jamie", "Alex", "Quinn"]
LAST = ["Lee", "Rivera", "Morgan", "Chen", "Patel", "Brooks", "Ortiz", "Kim", "Nguyen", "Okafor"]


def row(rng, index):
    match_year = rng.choice([2027, 2028])
    season = match_year - 1
    pending = rng.random() < 0.25
    score = "" if pending else str(rng.randint(200, 270))
    practice = ";".join(str(rng.randint(215, 265)) for _ in range(rng.randint(0, 3))) if pending else ""
    month, day = rng.choice([(6, 25), (7, 8), (8, 20), (9, 5), (9, 24)])
    step1 = rng.choices(["pass", "fail", str(rng.randint(200, 260))], weights=[85, 5, 10])[0]
    return [
        f"s{index:06d}", f"{rng.choice(FIRST)} {rng.choice(LAST)}", match_year,
        rng.choice(["MS2", "MS3", "MS4", "graduate"]), rng.choice(["MD", "DO"]), step1, rng.choice([1, 1, 1, 2]),
        score, f"{season}-{month:02d}-{day:02d}", practice, rng.choice(["true", "false"]),
        rng.choice(GRADES), rng.choice(GRADES), rng.choice(GRADES),
        rng.choice(["true", "false"]), rng.choice(["true", "false"]), rng.choice(["true", "false"]),
        rng.randint(0, 5), rng.randint(0, 2), rng.randint(0, 2), rng.randint(0, 3), rng.randint(0, 2), rng.randint(0, 1),
        rng.choice(["done", "planned", "none"]), rng.randint(0, 2), rng.choice(["done", "planned", "none"]),
        rng.choice(["integrated_ir", "dr_esir", "both"]), rng.choice(["true", "false"]),
        rng.choice(["Midwest", "South;West", "Northeast"]), rng.choice(["", "", "", "leave_of_absence", "other"]),
    ]


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20261129)
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for index in range(1, count + 1):
            writer.writerow(row(rng, index))


if __name__ == "__main__":
    main()
