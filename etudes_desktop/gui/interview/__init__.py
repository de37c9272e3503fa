"""The interview screens: notice gate, runner, review (see screen.InterviewScreen).

Their screenshot states live in etudes_desktop/demo/interview_states.py.
"""
