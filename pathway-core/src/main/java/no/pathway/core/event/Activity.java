package no.pathway.core.event;

public enum Activity {
    WORK, EDUCATION, WORK_TRAINING, DAY_ACTIVITY
}
